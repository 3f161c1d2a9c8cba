package strata.server.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import strata.server.api.Problems;

/**
 * Who may call what. Data needs a bearer token; roles decide writes; owner scoping of sales users happens in the
 * queries themselves ({@link Viewer}).
 */
@Configuration
public class SecurityConfig {
  private static final String ADMIN = "ADMIN";
  private static final String ANALYST = "ANALYST";

  /**
   * The UI is Vite's build: module scripts from the jar, no inline script and no eval. Ant Design writes its CSS-in-JS
   * into {@code <style>} elements and ECharts sets inline styles, hence 'unsafe-inline' for styles only; data: for
   * the empty favicon and chart images, blob: for downloads.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenStore tokens, Users users) throws Exception {
    http.csrf(c -> c.disable()) // bearer tokens, no cookies: nothing for a cross-site request to ride on
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .addFilterBefore(new TokenFilter(tokens, users), AnonymousAuthenticationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> Problems.write(res, 401, Problems.code(401), "sign in first"))
            .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, Problems.code(403),
                "your role may not do this")))
        .authorizeHttpRequests(a -> a
            .requestMatchers(POST, "/api/v1/auth/login").permitAll()
            .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(GET, "/s/*").permitAll() // the public survey page: its token is the key (strata.survey)
            .requestMatchers(POST, "/s/*").permitAll()
            .requestMatchers("/actuator/**").hasRole(ADMIN)
            .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit").hasRole(ADMIN)
            .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
            .requestMatchers(PUT, "/api/v1/model").hasRole(ADMIN)
            .requestMatchers(POST, "/api/v1/model/dry-run", "/api/v1/model/validate",
                "/api/v1/tasks/preview").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(GET, "/api/v1/model/versions/*/diff/*").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(GET, "/api/v1/experiments/plan").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(POST, "/api/v1/runs").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers("/api/v1/imports", "/api/v1/imports/**", "/api/v1/batch/**").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(PUT, "/api/v1/customers/*/override").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(DELETE, "/api/v1/customers/*/override").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(GET, "/api/v1/overrides").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(POST, "/api/v1/pool/*/assign").hasRole(ADMIN)
            .requestMatchers(GET, "/api/v1/surveys/satisfaction").authenticated() // scoped by owner, as every figure
            .requestMatchers("/api/v1/surveys/**").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(POST, "/api/v1/duplicates/**").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(PATCH, "/api/v1/**").hasRole(ADMIN)
            .requestMatchers("/api/**").authenticated()
            .anyRequest().permitAll()); // the web UI's static files; the UI itself asks for sign-in
    return http.build();
  }
}

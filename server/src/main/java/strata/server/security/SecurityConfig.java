package strata.server.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Data needs a bearer token; roles decide writes; owner scoping of sales users happens in the
 * queries themselves ({@link Viewer}).
 */
@Configuration
public class SecurityConfig {
  private static final String ADMIN = "ADMIN";
  private static final String ANALYST = "ANALYST";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenStore tokens) throws Exception {
    http.csrf(c -> c.disable()) // bearer tokens, no cookies: nothing for a cross-site request to ride on
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .addFilterBefore(new TokenFilter(tokens), AnonymousAuthenticationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized", "sign in first"))
            .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden", "your role may not do this")))
        .authorizeHttpRequests(a -> a
            .requestMatchers(POST, "/api/v1/auth/login").permitAll()
            .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/**").hasRole(ADMIN)
            .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit").hasRole(ADMIN)
            .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
            .requestMatchers(PUT, "/api/v1/model").hasRole(ADMIN)
            .requestMatchers(POST, "/api/v1/model/dry-run").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(POST, "/api/v1/runs").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers("/api/v1/imports", "/api/v1/imports/**", "/api/v1/batch/**").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(PUT, "/api/v1/customers/*/override").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(DELETE, "/api/v1/customers/*/override").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(GET, "/api/v1/overrides").hasAnyRole(ADMIN, ANALYST)
            .requestMatchers(PATCH, "/api/v1/**").hasRole(ADMIN)
            .requestMatchers("/api/**").authenticated()
            .anyRequest().permitAll()); // the web UI's static files; the UI itself asks for sign-in
    return http.build();
  }

  private static void problem(HttpServletResponse res, int status, String title, String detail)
      throws java.io.IOException {
    res.setStatus(status);
    res.setContentType("application/problem+json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"}");
  }
}

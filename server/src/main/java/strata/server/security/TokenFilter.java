package strata.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}; requests without one stay anonymous (and get 401 on data).
 * A scoped API token gets 403 {@code token_scope} outside its scope, whatever its user's role would allow.
 */
final class TokenFilter extends OncePerRequestFilter {
  private final TokenStore tokens;
  private final Users users;

  TokenFilter(TokenStore tokens, Users users) {
    this.users = users;
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      var bearer = tokens.resolve(header.substring(7).trim());
      if (bearer.isPresent()) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!bearer.get().scope().allows(request.getMethod(), path)) {
          strata.server.api.Problems.write(response, 403, "token_scope",
              "this API token's scope (" + bearer.get().scope().id() + ") does not allow this request");
          return;
        }
        Viewer viewer = users.viewer(bearer.get().user());
        var auth = new UsernamePasswordAuthenticationToken(viewer, null,
            List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
        SecurityContextHolder.getContext().setAuthentication(auth);
      }
    }
    chain.doFilter(request, response);
  }
}

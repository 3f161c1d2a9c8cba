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

/** Authenticates {@code Authorization: Bearer <token>}; requests without one stay anonymous (and get 401 on data). */
final class TokenFilter extends OncePerRequestFilter {
  private final TokenStore tokens;

  TokenFilter(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      tokens.resolve(header.substring(7).trim()).ifPresent(user -> {
        Viewer viewer = user.viewer();
        var auth = new UsernamePasswordAuthenticationToken(viewer, null,
            List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
        SecurityContextHolder.getContext().setAuthentication(auth);
      });
    }
    chain.doFilter(request, response);
  }
}

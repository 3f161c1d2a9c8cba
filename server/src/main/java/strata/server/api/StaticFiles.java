package strata.server.api;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How long browsers keep the web UI's files. Vite names every file under {@code /assets/} by a hash of its content, so
 * a changed file gets a new name and the old one may be kept for a year without asking again; the first page after
 * sign-in then loads its chunks from the cache. index.html and the other unhashed files are asked again each time
 * ({@code spring.web.resources.cache.cachecontrol.no-cache}), or a new release would not reach a browser that had them.
 * A header set here wins over Spring Security's {@code no-store}, which it writes only where none is set.
 */
@Configuration
class StaticFiles implements WebMvcConfigurer {
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }
}

package cn.onepoint.wallboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The NOC wallboard is static (META-INF/resources/wallboard/, docs/wallboard.md). Its page loads
 * wallboard.css and wallboard.js by relative path, so {@code /wallboard} is redirected to
 * {@code /wallboard/} rather than served as is.
 */
@ApplicationScoped
public class WallboardRoute {

    public static final String PATH = "/wallboard";

    void route(@Observes Router router) {
        // A Vert.x path route also matches the path with a trailing slash: that one goes on to the page.
        router.get(PATH).handler(rc -> {
            if (PATH.equals(rc.request().path())) {
                rc.response().setStatusCode(301).putHeader("Location", PATH + "/").end();
            } else {
                rc.next();
            }
        });
    }
}

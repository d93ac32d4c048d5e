package cn.onepoint.wallboard;

import cn.onepoint.auth.AuthConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Arrays;

/**
 * {@code GET /wallboard/login-options}: what the wallboard's login panel can offer, public like the page itself.
 * {@code {"devTokens":false,"people":[]}} unless the development token issuer is enabled; then {@code people}
 * lists the directory's people that have a login (at most 200, group first), so that the panel can sign in as one
 * of them through {@code /auth/dev-token}. Nothing here is secret: with the issuer on, anyone who reaches the
 * port can mint those tokens anyway.
 */
@ApplicationScoped
public class WallboardLoginOptions {

    public static final String PATH = WallboardRoute.PATH + "/login-options";

    private static final String PEOPLE = """
            select p.login, p.name, p.roles, u.name as unit_name, u.tier
              from person p join unit u on u.id = p.unit_id
             order by case u.tier when 'GROUP' then 0 when 'PROVINCE' then 1 else 2 end, u.code, p.name
             limit 200""";

    private final Pool pool;
    private final boolean devTokens;

    public WallboardLoginOptions(Pool pool, AuthConfig auth) {
        this.pool = pool;
        this.devTokens = auth.devIssuer().enabled();
    }

    void route(@Observes Router router) {
        router.get(PATH).handler(rc -> {
            if (!devTokens) {
                send(rc.response(), new JsonObject().put("devTokens", false).put("people", new JsonArray()));
                return;
            }
            pool.query(PEOPLE).execute().subscribe().with(rows -> {
                JsonArray people = new JsonArray();
                for (Row r : rows) {
                    people.add(new JsonObject().put("login", r.getString("login")).put("name", r.getString("name"))
                            .put("unitName", r.getString("unit_name")).put("scope", r.getString("tier"))
                            .put("roles", new JsonArray(Arrays.stream(r.getString("roles").split(","))
                                    .filter(s -> !s.isBlank()).toList())));
                }
                send(rc.response(), new JsonObject().put("devTokens", true).put("people", people));
            }, rc::fail);
        });
    }

    private static void send(io.vertx.core.http.HttpServerResponse response, JsonObject body) {
        response.putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}

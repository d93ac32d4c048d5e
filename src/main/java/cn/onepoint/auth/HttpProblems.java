package cn.onepoint.auth;

import cn.onepoint.common.Messages;
import cn.onepoint.common.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/** Writes a problem+json answer from a Vert.x route, where the REST exception mappers do not reach. */
final class HttpProblems {

    static final String TYPE_BASE = "https://onepoint.cn/problems/";

    private HttpProblems() {
    }

    static void write(ObjectMapper json, RoutingContext rc, int status, String type, String code, String key,
                      Object... args) {
        Locale locale = Messages.locale(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem p = new Problem(TYPE_BASE + type, Messages.text(locale, "title." + status), status,
                Messages.text(locale, key, args), code, null, null, null);
        try {
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}

package cn.onepoint.wallboard;

import cn.onepoint.Tokens;
import cn.onepoint.ticket.World;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NOC wallboard is served by the service itself and loads nothing from another host (docs/wallboard.md). */
@QuarkusTest
class WallboardTest {

    /** An absolute URL (http, https, ws, wss) or a protocol-relative one in src/href/url(). */
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)\\b(?:https?|wss?)://[^\\s\"'`)]*");
    private static final Pattern PROTOCOL_RELATIVE = Pattern.compile("(?i)(?:src|href)\\s*=\\s*[\"']//|url\\(\\s*[\"']?//");
    private static final List<String> FILES = List.of("/wallboard/", "/wallboard/wallboard.js", "/wallboard/wallboard.css");

    @Test
    void thePageIsServedInChinese() {
        given().when().get("/wallboard/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"), containsString("在办故障单"),
                        containsString("升级督办"), containsString("wallboard.js"), containsString("wallboard.css"));
        given().when().get("/wallboard/wallboard.js").then().statusCode(200)
                .body(containsString("/ws/feed"), containsString("since="), containsString("4410"));
        given().when().get("/wallboard/wallboard.css").then().statusCode(200);
    }

    @Test
    void theAddressWithoutSlashLeadsToThePage() {
        given().redirects().follow(false).when().get("/wallboard").then().statusCode(301)
                .header("Location", endsWith("/wallboard/"));
        given().when().get("/wallboard").then().statusCode(200).body(containsString("在办故障单"));
    }

    @Test
    void theLoginPanelLearnsTheDemoPeopleWithoutAToken() {
        World w = World.get();
        String login = Tokens.loginOf(w.hubeiAcceptor);
        given().noFilters().when().get("/wallboard/login-options").then().statusCode(200)
                .body("devTokens", is(true))
                .body("people.login", hasItem(login))
                .body("people.find { it.login == '" + login + "' }.roles",
                        hasItem("ACCEPTOR"));
        given().noFilters().when().get("/wallboard/wallboard.js").then().statusCode(200)
                .body(containsString("bearer-token-carrier"), containsString("quarkus-http-upgrade#Authorization#Bearer"));
    }

    @Test
    void nothingIsLoadedFromAnotherHost() {
        List<String> found = new ArrayList<>();
        for (String file : FILES) {
            String text = given().when().get(file).then().statusCode(200).extract().asString();
            assertTrue(text.length() > 200, file + " is served");
            Matcher m = ABSOLUTE.matcher(text);
            while (m.find()) {
                found.add(file + ": " + m.group());
            }
            Matcher p = PROTOCOL_RELATIVE.matcher(text);
            while (p.find()) {
                found.add(file + ": " + p.group());
            }
        }
        assertEquals(List.of(), found, "the wallboard must not reference other hosts");
    }

    @Test
    void feedTextIsNeverParsedAsHtml() {
        String js = given().when().get("/wallboard/wallboard.js").then().statusCode(200).extract().asString();
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
            assertTrue(!js.contains(sink), "wallboard.js uses " + sink);
        }
    }
}

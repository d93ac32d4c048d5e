package cn.onepoint.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which error responses each kind of operation gets (the served document is checked by OpenApiDocumentTest). */
class ProblemResponsesFilterTest {

    @Test
    void conditionalUpdateGetsEveryErrorAndKeepsItsOwnDescriptions() {
        Operation put = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("The ticket is closed")));
        OpenAPI doc = document("/tickets/{id}", OASFactory.createPathItem().PUT(put));

        new ProblemResponsesFilter().filterOpenAPI(doc);

        APIResponses r = put.getResponses();
        assertEquals("#/components/responses/BadRequest", r.getAPIResponse("400").getRef());
        assertEquals("#/components/responses/NotFound", r.getAPIResponse("404").getRef());
        assertEquals("#/components/responses/PreconditionFailed", r.getAPIResponse("412").getRef());
        assertEquals("#/components/responses/RuleViolation", r.getAPIResponse("422").getRef());
        assertEquals("The ticket is closed", r.getAPIResponse("409").getDescription());
        assertEquals("#/components/schemas/Problem", r.getAPIResponse("409").getContent()
                .getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertNotNull(doc.getComponents().getResponses().get("Conflict"));
    }

    @Test
    void plainReadGetsOnlyWhatCanHappen() {
        Operation list = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        Operation get = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));
        OpenAPI doc = document("/calendar/holidays", OASFactory.createPathItem().GET(list));
        doc.getPaths().addPathItem("/units/{id}", OASFactory.createPathItem().GET(get));

        new ProblemResponsesFilter().filterOpenAPI(doc);

        // every GET takes fields= and refuses unknown query parameters: a 400 can happen
        assertNotNull(list.getResponses().getAPIResponse("400"));
        assertNull(list.getResponses().getAPIResponse("409"));
        assertNotNull(get.getResponses().getAPIResponse("404"));
        assertNull(get.getResponses().getAPIResponse("422"));
    }

    @Test
    void everyPostTakesAnIdempotencyKeyAndSaysWhenItReplays() {
        Operation post = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse()));
        Operation get = OASFactory.createOperation();
        OpenAPI doc = document("/tickets", OASFactory.createPathItem().POST(post).GET(get));

        new ProblemResponsesFilter().filterOpenAPI(doc);
        new ProblemResponsesFilter().filterOpenAPI(doc); // idempotent itself: nothing added twice

        assertEquals(1, post.getParameters().size());
        assertEquals("#/components/parameters/IdempotencyKey", post.getParameters().get(0).getRef());
        assertEquals("Idempotency-Key", doc.getComponents().getParameters().get("IdempotencyKey").getName());
        assertEquals("#/components/headers/IdempotentReplayed",
                post.getResponses().getAPIResponse("201").getHeaders().get("Idempotent-Replayed").getRef());
        // shared error responses stay shared (a replayed 4xx carries the header too, docs/idempotency.md)
        assertNull(post.getResponses().getAPIResponse("409").getHeaders());
        assertEquals(List.of("#/components/parameters/Fields"),
                get.getParameters().stream().map(p -> p.getRef()).toList(), "only POSTs take the key");
    }

    @Test
    void everyGetTakesFieldsAndSaysItMayAnswer400() {
        Operation get = OASFactory.createOperation();
        Operation post = OASFactory.createOperation();
        OpenAPI doc = document("/units/{id}", OASFactory.createPathItem().GET(get).POST(post));

        new ProblemResponsesFilter().filterOpenAPI(doc);
        new ProblemResponsesFilter().filterOpenAPI(doc);

        assertEquals(List.of("#/components/parameters/Fields"), get.getParameters().stream().map(p -> p.getRef()).toList());
        assertEquals("fields", doc.getComponents().getParameters().get("Fields").getName());
        assertEquals("#/components/responses/BadRequest", get.getResponses().getAPIResponse("400").getRef());
        assertTrue(post.getParameters().stream().noneMatch(p -> "#/components/parameters/Fields".equals(p.getRef())));
    }

    private static OpenAPI document(String path, PathItem item) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
    }
}

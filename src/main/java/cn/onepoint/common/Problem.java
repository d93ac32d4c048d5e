package cn.onepoint.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, as every error of the API is returned. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", examples = "https://onepoint.cn/problems/rule-violation") String type,
        @Schema(description = "Short summary of the problem type") String title,
        @Schema(description = "HTTP status code", examples = "422") int status,
        @Schema(description = "Explanation for the people at the screen (Chinese unless Accept-Language asks otherwise)") String detail,
        @Schema(description = "Machine-readable code: a rule id such as T7, or an error kind", examples = "T7") String code,
        @Schema(description = "The state of the resource, on a 409 state conflict") String state,
        @Schema(description = "Actions allowed in that state, on a 409 state conflict") List<String> allowedActions,
        @Schema(description = "Every bad field of the request, all at once") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON path of the field in the request", examples = "customerCode") String field,
            @Schema(description = "What is wrong with it") String message) {
    }
}

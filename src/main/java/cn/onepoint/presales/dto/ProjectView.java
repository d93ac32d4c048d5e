package cn.onepoint.presales.dto;

import cn.onepoint.presales.Project;
import cn.onepoint.presales.ProjectStep;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Project", description = "A pre-sales project and the step it is in")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectView(
        String id, String href, @Schema(examples = "PJ202612020001") String number, String name,
        String customerId, String customerEngineerId, String customerManagerId, String description,
        ProjectStep step, Document requirementDocument, Instant completedAt, Instant cancelledAt,
        Instant createdAt, Instant updatedAt, long version,
        @Schema(description = "Next steps (POST /projects/{id}/steps) and other actions allowed now") List<String> allowedActions) {

    @Schema(name = "ProjectRequirementDocument", description = "The requirement document 项目需求书")
    public record Document(String reference, String summary, String recordedBy, Instant recordedAt,
                           boolean customerConfirmed, Instant confirmedAt, String customerContact) {
    }

    public static ProjectView of(Project p) {
        return new ProjectView(p.id.toString(), "/api/v1/projects/" + p.id, p.number, p.name, Views.s(p.customerId),
                Views.s(p.customerEngineerId), Views.s(p.customerManagerId), p.description, p.step,
                p.documentReference == null ? null : new Document(p.documentReference, p.documentSummary,
                        Views.s(p.documentRecordedBy), p.documentRecordedAt, p.documentConfirmedAt != null,
                        p.documentConfirmedAt, p.documentCustomerContact),
                p.completedAt, p.cancelledAt, p.createdAt, p.updatedAt, p.version, p.step.allowedActions());
    }
}

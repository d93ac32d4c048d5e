package cn.onepoint.sla.dto;

import cn.onepoint.sla.SubjectType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TimerSubject", description = "What the timer watches")
public record SubjectRef(SubjectType type, String id) {
}

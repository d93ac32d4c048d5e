package cn.onepoint.presales.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The feed event of a node below its threshold: the node, and the build request raised for it. */
@Schema(name = "ResourceThresholdWarning")
public record ThresholdWarningView(ResourceNodeView node, BuildRequestView buildRequest) {
}

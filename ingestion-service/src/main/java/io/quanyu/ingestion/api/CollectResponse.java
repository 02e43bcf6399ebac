package io.quanyu.ingestion.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quanyu.events.ReasonCode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The collector's answer: how many items were accepted and rejected, and the result of each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Per-item results of a collect request")
public record CollectResponse(
        @Schema(description = "Set only when no item was accepted (status 400): rejected") String error,
        @Schema(description = "Items accepted whole or in part; they are on the raw topic and will be on events.v1") int accepted,
        @Schema(description = "Items refused; they are kept on events.failed.v1 with the reason (unless the whole request was refused)") int rejected,
        @Schema(description = "One result per item, in request order") List<ItemResult> results) {

    /** What became of one item of the request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The result of one item")
    public record ItemResult(
            @Schema(description = "Position of the item in the request (0 for a single object)") int index,
            @Schema(description = "accepted, rejected, or partial (an app batch with some bad events)") String status,
            @Schema(description = "Ids of the normalized events (or product ids) the item became") List<String> ids,
            @Schema(description = "Reason code of the first refusal") ReasonCode reason,
            @Schema(description = "What was wrong, with the JSON path") String detail) {
    }
}

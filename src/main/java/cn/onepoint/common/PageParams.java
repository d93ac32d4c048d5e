package cn.onepoint.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** offset/limit query parameters shared by every list (TMF630). */
public class PageParams {

    @QueryParam("offset")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Index of the first item to return")
    public int offset;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(1)
    @Max(Paging.MAX_LIMIT)
    @Parameter(description = "Number of items to return (1–500)")
    public int limit;

    public int last() {
        return offset + limit - 1;
    }
}

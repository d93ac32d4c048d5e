package cn.onepoint.ticket.dto;

import cn.onepoint.ticket.CustomerUpdate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "CustomerUpdate")
public record CustomerUpdateView(String id, String personId, Instant at, CustomerUpdate.Via channel, String message) {
    public static CustomerUpdateView of(CustomerUpdate u) {
        return new CustomerUpdateView(u.id.toString(), u.personId.toString(), u.at, u.channel, u.message);
    }
}

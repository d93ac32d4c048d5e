package cn.onepoint.directory.dto;

import cn.onepoint.directory.Customer;
import cn.onepoint.directory.CustomerLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Customer")
public record CustomerView(String id, String href, String code, String name, CustomerLevel level, String hqProvince,
                           String hqCity, String cceId, String cmId, List<Customer.EscalationContact> escalationList,
                           Instant createdAt) {
    public static CustomerView of(Customer c) {
        return new CustomerView(c.id.toString(), "/api/v1/customers/" + c.id, c.code, c.name, c.level, c.hqProvince,
                c.hqCity, c.cceId == null ? null : c.cceId.toString(), c.cmId == null ? null : c.cmId.toString(),
                c.escalationList == null ? List.of() : c.escalationList, c.createdAt);
    }
}

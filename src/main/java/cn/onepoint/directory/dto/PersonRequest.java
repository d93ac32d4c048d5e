package cn.onepoint.directory.dto;

import cn.onepoint.directory.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

@Schema(name = "PersonCreate")
public record PersonRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "张伟") String name,
        @NotBlank String unitId,
        @NotEmpty Set<Role> roles,
        @Size(max = 40) String phone,
        @Size(max = 200) String email,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "{onepoint.login.pattern}")
        @Schema(description = "What the person's token names them by (preferred_username); unique. "
                + "Without it the person logs in with their id.", examples = "zhangwei") String login) {

    /** A person without a chosen login. */
    public PersonRequest(String name, String unitId, Set<Role> roles, String phone, String email) {
        this(name, unitId, roles, phone, email, null);
    }
}

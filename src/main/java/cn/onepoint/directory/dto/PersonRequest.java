package cn.onepoint.directory.dto;

import cn.onepoint.directory.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

@Schema(name = "PersonCreate")
public record PersonRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "张伟") String name,
        @NotBlank String unitId,
        @NotEmpty Set<Role> roles,
        @Size(max = 40) String phone,
        @Size(max = 200) String email) {
}

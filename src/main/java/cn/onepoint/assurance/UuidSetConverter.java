package cn.onepoint.assurance;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A short list of customer ids, read whole with its period: kept as a comma list. */
@Converter
public class UuidSetConverter implements AttributeConverter<Set<UUID>, String> {
    @Override
    public String convertToDatabaseColumn(Set<UUID> ids) {
        return ids == null ? "" : ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    @Override
    public Set<UUID> convertToEntityAttribute(String s) {
        if (s == null || s.isBlank()) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(s.split(",")).map(UUID::fromString).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}

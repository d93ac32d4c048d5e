package cn.onepoint.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/** Paused intervals are read and written whole with their timer: JSON text (Hibernate Reactive cannot bind a jsonb array). */
@Converter
public class PausedIntervalsConverter implements AttributeConverter<List<PausedInterval>, String> {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<List<PausedInterval>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<PausedInterval> list) {
        try {
            return JSON.writeValueAsString(list == null ? List.of() : list);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<PausedInterval> convertToEntityAttribute(String s) {
        try {
            return s == null ? new ArrayList<>() : new ArrayList<>(JSON.readValue(s, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

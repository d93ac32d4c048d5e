package cn.onepoint.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** The escalation list is read and written whole with its customer: kept as JSON text. */
@Converter
public class EscalationListConverter implements AttributeConverter<List<Customer.EscalationContact>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Customer.EscalationContact>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Customer.EscalationContact> list) {
        try {
            return JSON.writeValueAsString(list == null ? List.of() : list);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<Customer.EscalationContact> convertToEntityAttribute(String s) {
        try {
            return s == null ? List.of() : JSON.readValue(s, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

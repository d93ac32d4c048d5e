package cn.onepoint.ticket;

import cn.onepoint.common.WireEnum;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Ticket status and phase are stored under their wire names, so SQL reads like the API. */
final class Converters {

    private Converters() {
    }

    @Converter
    static class Status implements AttributeConverter<TicketStatus, String> {
        @Override
        public String convertToDatabaseColumn(TicketStatus s) {
            return s == null ? null : s.wire();
        }

        @Override
        public TicketStatus convertToEntityAttribute(String s) {
            return WireEnum.parse(TicketStatus.class, s);
        }
    }

    @Converter
    static class PhaseConverter implements AttributeConverter<Phase, String> {
        @Override
        public String convertToDatabaseColumn(Phase p) {
            return p == null ? null : p.wire();
        }

        @Override
        public Phase convertToEntityAttribute(String s) {
            return WireEnum.parse(Phase.class, s);
        }
    }
}

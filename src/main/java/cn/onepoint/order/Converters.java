package cn.onepoint.order;

import cn.onepoint.common.WireEnum;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Order status and step are stored under their wire names, so SQL reads like the API. */
final class Converters {

    private Converters() {
    }

    @Converter
    static class Status implements AttributeConverter<OrderStatus, String> {
        @Override
        public String convertToDatabaseColumn(OrderStatus s) {
            return s == null ? null : s.wire();
        }

        @Override
        public OrderStatus convertToEntityAttribute(String s) {
            return WireEnum.parse(OrderStatus.class, s);
        }
    }

    @Converter
    static class Step implements AttributeConverter<OrderStep, String> {
        @Override
        public String convertToDatabaseColumn(OrderStep s) {
            return s == null ? null : s.wire();
        }

        @Override
        public OrderStep convertToEntityAttribute(String s) {
            return WireEnum.parse(OrderStep.class, s);
        }
    }
}

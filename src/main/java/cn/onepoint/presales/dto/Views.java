package cn.onepoint.presales.dto;

import java.util.UUID;

final class Views {

    private Views() {
    }

    static String s(UUID id) {
        return id == null ? null : id.toString();
    }
}

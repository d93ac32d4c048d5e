package cn.onepoint.directory;

/** C3: business types. BANDWIDTH types drive T5, T9 and T16. */
public enum BusinessType {
    DIGITAL_CIRCUIT, DATA_CIRCUIT, MSTP, MPLS_VPN, IP_VPN, INTERNET_LINE, SWITCHING, MOBILE, NEW_SERVICE, IDC, ICT;

    /** C3: BANDWIDTH = DIGITAL_CIRCUIT, DATA_CIRCUIT, MSTP, INTERNET_LINE. */
    public boolean isBandwidth() {
        return this == DIGITAL_CIRCUIT || this == DATA_CIRCUIT || this == MSTP || this == INTERNET_LINE;
    }
}

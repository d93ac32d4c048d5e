package cn.onepoint.sla;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static cn.onepoint.directory.BusinessType.DATA_CIRCUIT;
import static cn.onepoint.directory.BusinessType.DIGITAL_CIRCUIT;
import static cn.onepoint.directory.BusinessType.IDC;
import static cn.onepoint.directory.BusinessType.INTERNET_LINE;
import static cn.onepoint.directory.BusinessType.IP_VPN;
import static cn.onepoint.directory.BusinessType.MPLS_VPN;
import static cn.onepoint.directory.BusinessType.MSTP;
import static cn.onepoint.directory.BusinessType.NEW_SERVICE;
import static cn.onepoint.directory.BusinessType.SWITCHING;
import static cn.onepoint.directory.CustomerLevel.GROUP;
import static cn.onepoint.directory.CustomerLevel.LOCAL;
import static cn.onepoint.directory.CustomerLevel.PROVINCIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SlaPolicyTest {

    @Inject
    SlaPolicy policy;

    @Test
    void resolutionLimitFollowsTheT5Table() {
        Duration h4 = Duration.ofHours(4);
        Duration h8 = Duration.ofHours(8);
        Duration h2 = Duration.ofHours(2);
        // BANDWIDTH types and the VPNs: 4 h
        assertEquals(h4, policy.resolutionLimit(DIGITAL_CIRCUIT, PROVINCIAL));
        assertEquals(h4, policy.resolutionLimit(DATA_CIRCUIT, LOCAL));
        assertEquals(h4, policy.resolutionLimit(MSTP, LOCAL));
        assertEquals(h4, policy.resolutionLimit(INTERNET_LINE, PROVINCIAL));
        assertEquals(h4, policy.resolutionLimit(MPLS_VPN, PROVINCIAL));
        assertEquals(h4, policy.resolutionLimit(IP_VPN, LOCAL));
        // everything else: 8 h
        assertEquals(h8, policy.resolutionLimit(SWITCHING, PROVINCIAL));
        assertEquals(h8, policy.resolutionLimit(IDC, LOCAL));
        assertEquals(h8, policy.resolutionLimit(NEW_SERVICE, LOCAL));
        // GROUP-level customers: 2 h, shorter than any product limit, so it wins
        assertEquals(h2, policy.resolutionLimit(MSTP, GROUP));
        assertEquals(h2, policy.resolutionLimit(MPLS_VPN, GROUP));
        assertEquals(h2, policy.resolutionLimit(IDC, GROUP));
    }

    @Test
    void handlerProgressFollowsT9() {
        assertEquals(Duration.ofMinutes(60), policy.handlerProgressLimit(SWITCHING));
        assertEquals(Duration.ofMinutes(30), policy.handlerProgressLimit(MSTP));
        assertEquals(Duration.ofMinutes(30), policy.handlerProgressLimit(MPLS_VPN));
        assertEquals(Duration.ofMinutes(30), policy.handlerProgressLimit(NEW_SERVICE));
    }

    @Test
    void defaultsAreTheManuals() {
        assertEquals(Duration.ofMinutes(5), policy.accept());
        assertEquals(Duration.ofMinutes(5), policy.provinceDispatch());
        assertEquals(Duration.ofMinutes(30), policy.customerFirstUpdate());
        assertEquals(Duration.ofHours(2), policy.customerUpdate());
        assertEquals(Duration.ofMinutes(5), policy.controlResponse());
        assertEquals(Duration.ofDays(7), policy.progressReport());
        assertEquals(0.8, policy.warnShare());
        assertEquals(Duration.ofMinutes(30), policy.escalationStep());
        assertEquals(2, policy.workingDays().survey());
        assertEquals(12, policy.workingDays().plan());
        assertEquals(2, policy.workingDays().resourceSystemEntry());
        assertEquals(1, policy.workingDays().crmDeliveryNote());
        assertEquals(10, policy.workingDays().warningPoolEntry());
        assertEquals(5, policy.workingDays().warningLead());
        assertEquals(3, policy.workingDays().warningLeadExpedited());
        assertEquals(1, policy.resourceCheckValidityMonths());
        assertTrue(policy.sweepEnabled());
        assertEquals(500, policy.batchSize());
        assertEquals(Duration.ofMinutes(5), policy.fixedLimit(TimerKind.ACCEPT).orElseThrow());
        assertTrue(policy.fixedLimit(TimerKind.RESOLUTION).isEmpty(), "resolution depends on product and customer");
    }
}

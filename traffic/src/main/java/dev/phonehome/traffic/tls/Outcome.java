package dev.phonehome.traffic.tls;

import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What went right and wrong on one connection: decryption success, the first failure, alerts and problems. */
final class Outcome {
    static final int MAX_PROBLEMS = 32;
    static final int MAX_ALERTS = 16;

    private NotDecryptedReason reason;
    private boolean decrypted;
    private final List<TlsAlert> alerts = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Records why {@code f} cannot be decrypted; its protected records are skipped from now on. */
    void fail(Flow f, NotDecryptedReason r, String detail) {
        if (reason == null) {
            reason = r;
        }
        f.opaque = true;
        problem(r.code(), f, detail);
    }

    void problem(String code, Flow f, String detail) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(code, f.side(), detail));
        }
    }

    void alert(Flow f, byte[] data, boolean encrypted) {
        if (data.length >= 2 && alerts.size() < MAX_ALERTS) {
            alerts.add(new TlsAlert(f.fromClient, data[0] & 0xFF, data[1] & 0xFF, encrypted));
        }
    }

    void decryptedARecord() {
        decrypted = true;
    }

    boolean decrypted() {
        return decrypted;
    }

    Optional<NotDecryptedReason> reason() {
        return Optional.ofNullable(reason);
    }

    List<TlsAlert> alerts() {
        return alerts;
    }

    List<Problem> problems() {
        return problems;
    }
}

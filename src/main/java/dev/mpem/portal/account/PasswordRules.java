package dev.mpem.portal.account;

import java.util.Optional;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.scoring.Result;

import dev.mpem.portal.shared.Words;

/** What makes a password acceptable. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    static Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of(Words.say("password.required", MIN_LENGTH));
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of(Words.say("password.short", MIN_LENGTH, password.length()));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Words.say("password.long", MAX_LENGTH));
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of(Words.say("password.username"));
        }
        Result estimate = Strength.ESTIMATOR.estimate(password);
        if (estimate.getEntropy() < MIN_ENTROPY_BITS) {
            String why = estimate.getFeedback() == null ? null : estimate.getFeedback().getWarning();
            return Optional.of(why == null ? Words.say("password.guessable")
                    : Words.say("password.guessable.because", reason(why)));
        }
        return Optional.empty();
    }

    /** The estimator's warning as part of our sentence: "it is or contains a top-10 common password". */
    private static String reason(String warning) {
        String text = warning.strip().replaceAll("\\.$", "");
        if (text.startsWith("This is ")) {
            text = "it is or contains " + text.substring("This is ".length());
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Below this estimated strength a password is refused: common passwords (nbvcxz ships a list of
     * about 100,000), keyboard runs, repeats and years are well under it; a passphrase of three
     * unrelated words is above.
     */
    static final double MIN_ENTROPY_BITS = 30;

    /** The estimator loads its dictionaries once (a few hundred milliseconds) and is then shared. */
    private static final class Strength {
        static final Nbvcxz ESTIMATOR = new Nbvcxz();
    }
}

package dev.mpem.portal.action;

import dev.mpem.portal.model.Dimension;
import dev.mpem.portal.model.Level;
import dev.mpem.portal.shared.Words;

/**
 * A draft action drawn from the paper: to reach {@code level} on {@code dimension}, the organisation
 * must be able to do what the paper's descriptor of that level says. The title is the descriptor's
 * first sentence; the description is the descriptor word for word.
 */
public record Suggestion(Dimension dimension, Level level, int current, int target, String title, String description) {

    /** Room left in a title after "Reach 3 Intermediate: ". */
    private static final int SENTENCE_MAX = 150;

    static Suggestion of(Dimension dimension, Level level, int current, int target) {
        String descriptor = dimension.descriptor(level.number());
        String title = Words.say("action.suggestion.title", level.label(), firstSentence(descriptor));
        return new Suggestion(dimension, level, current, target, title, descriptor);
    }

    ActionForm form() {
        return ActionForm.planned(dimension.code(), title, description, level.number());
    }

    /** The descriptor up to its first full stop, shortened at a word when it runs long. */
    static String firstSentence(String descriptor) {
        String text = descriptor.strip();
        int stop = text.indexOf(". ");
        String sentence = stop < 0 ? text : text.substring(0, stop);
        if (sentence.endsWith(".")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        if (sentence.length() <= SENTENCE_MAX) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', SENTENCE_MAX - 1);
        return sentence.substring(0, cut > SENTENCE_MAX / 2 ? cut : SENTENCE_MAX - 1).replaceAll("[,;:]$", "") + "\u2026";
    }
}

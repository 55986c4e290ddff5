package id.peduli.registry.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dictionary of name words ({@code registry.name_token}) that turns each word of a searched name into the few
 * words of registered names it may stand for: the word itself, words one typo away, and words further away or
 * starting with it ({@link NameTokens} decides which words count). {@link PersonSearch} builds its conditions
 * from the answer.
 */
@Component
class NameDictionary {

    /** Trigram similarity at which a long query word meets a dictionary word despite several typos. */
    static final String TOKEN_TRIGRAM_THRESHOLD = "0.5";
    /** Trigram similarity at which a word further than a typo from every dictionary word still meets one. */
    static final String RESEMBLING_THRESHOLD = "0.3";
    /** Most dictionary words such a word may stand for. */
    static final int MAX_RESEMBLING = 20;
    /** Most dictionary words one partly typed word may stand for. */
    static final int MAX_PREFIX_TOKENS = 200;

    private final JdbcClient jdbc;

    NameDictionary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each significant query word, the dictionary words it may stand for, by closeness: the word itself (when
     * it occurs), words one typo away, and words further away or starting with it; and the short words of the query
     * that occur in the dictionary. The conditions refer to the parameters {@code :e<i>} (the exact words of word
     * i), {@code :a<i>} (all its words) and {@code :short}, which {@link PersonSearch#where} sets.
     */
    record TokenMatch(List<WordTokens> words, List<String> shortWords) {

        /** Every word as typed (and the short words); null when a word does not occur as typed. */
        String exactCondition() {
            if (words.stream().anyMatch(w -> w.exact().isEmpty())) {
                return null;
            }
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                conditions.add("p.name_tokens && cast(:e" + i + " as text[])");
            }
            return withShort(String.join(" and ", conditions));
        }

        /** Every word as typed but at most one (and the short words); null when two words do not occur as typed. */
        String oneTypoCondition() {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                List<String> conditions = new ArrayList<>();
                boolean possible = true;
                for (int j = 0; j < words.size(); j++) {
                    if (j == i) {
                        conditions.add("p.name_tokens && cast(:a" + j + " as text[])");
                    } else if (words.get(j).exact().isEmpty()) {
                        possible = false;
                    } else {
                        conditions.add("p.name_tokens && cast(:e" + j + " as text[])");
                    }
                }
                if (possible) {
                    alternatives.add(String.join(" and ", conditions));
                }
            }
            if (alternatives.isEmpty()) {
                return null;
            }
            return withShort(
                    alternatives.size() == 1
                            ? alternatives.get(0)
                            : "("
                                    + alternatives.stream()
                                            .map(a -> "(" + a + ")")
                                            .collect(Collectors.joining(" or ")) + ")");
        }

        /** Each word may be any of its dictionary words; short words do not restrict. */
        String anyCondition() {
            List<String> conditions = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                conditions.add("p.name_tokens && cast(:a" + i + " as text[])");
            }
            return String.join(" and ", conditions);
        }

        /**
         * All words but one, each as any of its dictionary words: for a name typed with a word too many, or with a
         * word the person's record does not have. Null for fewer than three words: one word of two finds too many
         * people to help.
         */
        String allButOneCondition() {
            if (words.size() < 3) {
                return null;
            }
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                List<String> conditions = new ArrayList<>();
                for (int j = 0; j < words.size(); j++) {
                    if (j != i) {
                        conditions.add("p.name_tokens && cast(:a" + j + " as text[])");
                    }
                }
                alternatives.add("(" + String.join(" and ", conditions) + ")");
            }
            return "(" + String.join(" or ", alternatives) + ")";
        }

        private String withShort(String condition) {
            return shortWords.isEmpty() ? condition : condition + " and p.name_tokens @> cast(:short as text[])";
        }
    }

    record WordTokens(List<String> exact, List<String> near, List<String> far) {

        List<String> all() {
            List<String> all = new ArrayList<>(exact);
            all.addAll(near);
            all.addAll(far);
            return all;
        }
    }

    /** The dictionary words for every significant word of the key; null when a word meets none (or none count). */
    TokenMatch tokens(String nameKey) {
        List<String> words = NameTokens.significantWords(nameKey);
        if (words.isEmpty()) {
            return null;
        }
        List<String> shortWords = NameTokens.shortWords(nameKey);
        // Plans of name searches are cheap but may be estimated above the cost at which compiling them pays off. The
        // dictionary is small enough for the planner to prefer reading all of it, but comparing the trigrams of every
        // word costs milliseconds per query word where its trigram index answers in a fraction of one.
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true), set_config('jit', 'off', true),"
                        + " set_config('enable_seqscan', 'off', true)")
                .param("threshold", TOKEN_TRIGRAM_THRESHOLD)
                .query((rs, i) -> rs.getString(1))
                .single();
        List<String> branches = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!shortWords.isEmpty()) {
            params.addValue("short", shortWords);
            branches.add("select -1 as w, token, 0 as via from registry.name_token where token in (:short)");
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            params.addValue("v" + i, NameTokens.deletions(word));
            branches.add("select " + i + ", token, 0 from registry.name_token where token in (:v" + i + ")");
            branches.add("select " + i + ", token, 1 from registry.name_token_variant where variant in (:v" + i + ")");
            if (word.length() >= NameTokens.MIN_PREFIX) {
                params.addValue("p" + i, word + "%");
                branches.add("(select " + i + ", token, 2 from registry.name_token where token like :p" + i
                        + " order by token limit " + MAX_PREFIX_TOKENS + ")");
            }
            if (word.length() >= NameTokens.MIN_TRIGRAM) {
                params.addValue("t" + i, word);
                branches.add(
                        "select " + i + ", token, 3 from registry.name_token where token operator(public.%) :t" + i);
            }
        }
        List<Map<String, Integer>> found = new ArrayList<>();
        words.forEach(w -> found.add(new HashMap<>()));
        Set<String> knownShort = new java.util.TreeSet<>();
        jdbc.sql(String.join(" union all ", branches)).paramSource(params).query(rs -> {
            int index = rs.getInt(1);
            String token = rs.getString(2);
            if (index < 0) {
                knownShort.add(token);
                return;
            }
            int via = rs.getInt(3);
            String word = words.get(index);
            int limit = NameTokens.allowedDistance(word);
            int distance = NameTokens.distance(word, token, limit);
            int closeness = distance <= 1 ? distance : via >= 2 || distance <= limit ? 2 : -1;
            if (closeness >= 0) {
                found.get(index).merge(token, closeness, Math::min);
            }
        });
        for (int i = 0; i < words.size(); i++) {
            if (found.get(i).isEmpty()) {
                for (String token : resembling(words.get(i))) {
                    found.get(i).put(token, 2);
                }
            }
        }
        jdbc.sql("select set_config('enable_seqscan', 'on', true)")
                .query((rs, i) -> rs.getString(1))
                .single();
        List<WordTokens> matches = new ArrayList<>();
        for (Map<String, Integer> tokens : found) {
            if (tokens.isEmpty()) {
                return null;
            }
            matches.add(new WordTokens(closeness(tokens, 0), closeness(tokens, 1), closeness(tokens, 2)));
        }
        return new TokenMatch(matches, List.copyOf(knownShort));
    }

    /**
     * Dictionary words that share enough trigrams with a word that is further than a typo from every word (several
     * typos, or a spelling the name key folds differently, such as "Tajung" for "Tanjung"): the closest few.
     */
    private List<String> resembling(String word) {
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', :threshold, true)")
                .param("threshold", RESEMBLING_THRESHOLD)
                .query((rs, i) -> rs.getString(1))
                .single();
        return jdbc.sql("select token from registry.name_token where token operator(public.%) :word"
                        + " order by public.similarity(token, :word) desc, token limit " + MAX_RESEMBLING)
                .param("word", word)
                .query(String.class)
                .list();
    }

    private static List<String> closeness(Map<String, Integer> tokens, int closeness) {
        return tokens.entrySet().stream()
                .filter(e -> e.getValue() == closeness)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}

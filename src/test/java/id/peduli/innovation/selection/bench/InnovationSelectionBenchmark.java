package id.peduli.innovation.selection.bench;

import id.peduli.innovation.selection.EvaluatorAssignment;
import id.peduli.innovation.selection.EvaluatorAssignment.Assignment;
import id.peduli.innovation.selection.EvaluatorAssignment.Evaluator;
import id.peduli.innovation.selection.EvaluatorAssignment.Options;
import id.peduli.innovation.selection.EvaluatorAssignment.Proposal;
import id.peduli.innovation.selection.NearDuplicates;
import id.peduli.innovation.selection.NearDuplicates.Document;
import id.peduli.innovation.selection.NearDuplicates.Match;
import id.peduli.innovation.selection.Rubric;
import id.peduli.innovation.selection.ScoreNormalisation;
import id.peduli.innovation.selection.ScoreNormalisation.ProposalScore;
import id.peduli.innovation.selection.ScoreNormalisation.Score;
import id.peduli.innovation.selection.TopSelection;
import id.peduli.innovation.selection.TopSelection.Candidate;
import id.peduli.innovation.selection.TopSelection.QuotaKey;
import id.peduli.innovation.selection.TopSelection.Selection;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Benchmark of the competition's algorithms, each against a naive baseline measured in the same run:
 *
 * <ol>
 *   <li>one period of 5,000 proposals, 500 agencies and 60 evaluators: conflict-free balanced assignment, rubric
 *       totals of the first scores, second evaluators within ±5 of the pass mark, normalisation of all scores and the
 *       quota-constrained Top 99, together. Baseline: the same steps with the plain conflict check (every proposal
 *       against every evaluator, comparing materialised ancestor paths as strings) and a plain least-loaded scan;
 *   <li>the conflict computation at the size a large conference review system reported (6,000 papers × 2,800
 *       reviewers, three reviewers each): our whole assignment against the plain pairwise string check alone;
 *   <li>near-duplicates of one proposal among 20,000 earlier ones. Baseline: Jaccard of sets of string shingles
 *       against each of the 20,000 (sets computed beforehand).
 * </ol>
 *
 * <p>Prints {@code RESULT <name> <milliseconds>} lines (medians of the measured repetitions) read by {@code
 * bench/innovation-selection.sh}. Arguments: none, or {@code quick} for fewer repetitions.
 */
public final class InnovationSelectionBenchmark {

    private static final long SEED = 20261130L;
    private static final Rubric RUBRIC = Rubric.defaults();

    private InnovationSelectionBenchmark() {}

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int repeats = quick ? 3 : 10;
        CompetitionData data = new CompetitionData(SEED, 5_000, 60);
        Options options = Options.defaults().withAvoidSameProvince(true);
        Map<QuotaKey, Integer> floors = CompetitionData.floors();

        if (args.length > 1 && args[1].equals("neardup")) {
            nearDuplicates(data, quick);
            return;
        }

        // 1. a period
        Outcome outcome = period(data, options, floors);
        print(
                "period: %,d assignments + %,d second evaluators, %,d unassigned; loads %d..%d; Top %d, %d shortfalls,"
                        + " %d proposals flagged for disagreement",
                outcome.first,
                outcome.second,
                outcome.unassigned,
                outcome.minLoad,
                outcome.maxLoad,
                outcome.selected,
                outcome.shortfalls,
                outcome.disagreements);
        NaiveOutcome naive = naivePeriod(data, options, floors);
        print(
                "baseline period: %,d assignments + %,d second evaluators, loads %d..%d, Top %d",
                naive.first, naive.second, naive.minLoad, naive.maxLoad, naive.selected);
        measure("period", repeats, () -> period(data, options, floors));
        steps(data, options, floors, repeats);
        measure("period-baseline", repeats, () -> naivePeriod(data, options, floors));

        if (args.length > 1 && args[1].equals("period")) {
            return;
        }

        // 2. conference scale
        CompetitionData conference = new CompetitionData(SEED + 1, 6_000, 2_800);
        List<Evaluator> reviewers = conference.evaluators.stream()
                .map(e -> new Evaluator(
                        e.id(), e.agencyId(), e.agencyAncestorIds(), e.provinceCode(), 10, e.declaredConflicts()))
                .toList();
        Options three = Options.defaults().withPerProposal(3).withAvoidSameProvince(true);
        EvaluatorAssignment.Result big = EvaluatorAssignment.assign(conference.proposals, reviewers, three);
        print(
                "conference scale: %,d assignments, %,d proposals short, loads %d..%d",
                big.assignments().size(),
                big.unassigned().size(),
                big.loads().values().stream().mapToInt(i -> i).min().orElse(0),
                big.loads().values().stream().mapToInt(i -> i).max().orElse(0));
        measure(
                "conference-assign",
                Math.max(3, repeats / 2),
                () -> EvaluatorAssignment.assign(conference.proposals, reviewers, three));
        Paths paths = new Paths(conference);
        measure(
                "conference-conflicts-baseline",
                Math.max(3, repeats / 2),
                () -> paths.conflictCount(conference.proposals, reviewers, three));

        nearDuplicates(data, quick);
    }

    static void nearDuplicates(CompetitionData data, boolean quick) {
        List<Document> earlier = data.earlier(20_000);
        long words = earlier.stream().mapToLong(d -> d.text().split(" ").length).sum();
        print("earlier proposals: %,d, %,d words on average", earlier.size(), words / earlier.size());
        long started = System.nanoTime();
        long startedCpu = cpu();
        NearDuplicates index = NearDuplicates.index(earlier);
        result("neardup-index-build", (System.nanoTime() - started) / 1e6);
        result("neardup-index-build-cpu", (cpu() - startedCpu) / 1e6);
        List<Document> queries = new ArrayList<>();
        List<Long> sources = new ArrayList<>();
        for (int q = 0; q < (quick ? 50 : 200); q++) {
            Document source = earlier.get(data.nextInt(earlier.size()));
            sources.add(source.id());
            queries.add(new Document(
                    2_000_000 + q, source.agencyId() + 1, 2026, source.title(), data.edited(source.text(), 30)));
        }
        int found = 0;
        double[] times = new double[queries.size()];
        double[] cpuTimes = new double[queries.size()];
        for (int round = 0; round < 2; round++) { // the first round warms up
            for (int q = 0; q < queries.size(); q++) {
                long t = System.nanoTime();
                long c = cpu();
                List<Match> matches = index.similar(queries.get(q), 10);
                cpuTimes[q] = (cpu() - c) / 1e6;
                times[q] = (System.nanoTime() - t) / 1e6;
                if (round == 1 && !matches.isEmpty() && matches.get(0).id() == sources.get(q)) {
                    found++;
                }
            }
        }
        print("near-duplicates: the edited proposal's source ranked first for %d of %d queries", found, queries.size());
        Arrays.sort(times);
        result("neardup-query", times[times.length / 2]);
        result("neardup-query-p95", times[(int) (times.length * 0.95)]);
        result("neardup-query-max", times[times.length - 1]);
        Arrays.sort(cpuTimes);
        result("neardup-query-cpu", cpuTimes[cpuTimes.length / 2]);
        result("neardup-query-p95-cpu", cpuTimes[(int) (cpuTimes.length * 0.95)]);

        started = System.nanoTime();
        BruteForce brute = new BruteForce(earlier);
        result("neardup-baseline-prepare", (System.nanoTime() - started) / 1e6);
        int bruteQueries = quick ? 5 : 20;
        double[] bruteTimes = new double[bruteQueries];
        double[] bruteCpu = new double[bruteQueries];
        int bruteFound = 0;
        for (int round = 0; round < 2; round++) {
            for (int q = 0; q < bruteQueries; q++) {
                long t = System.nanoTime();
                long c = cpu();
                long best = brute.best(queries.get(q), 10).get(0);
                bruteCpu[q] = (cpu() - c) / 1e6;
                bruteTimes[q] = (System.nanoTime() - t) / 1e6;
                if (round == 1 && best == sources.get(q)) {
                    bruteFound++;
                }
            }
        }
        print("brute force: source ranked first for %d of %d queries", bruteFound, bruteQueries);
        Arrays.sort(bruteTimes);
        result("neardup-query-baseline", bruteTimes[bruteQueries / 2]);
        Arrays.sort(bruteCpu);
        result("neardup-query-baseline-cpu", bruteCpu[bruteQueries / 2]);
    }

    // ---- the period ----

    record Outcome(
            int first,
            int second,
            int unassigned,
            int minLoad,
            int maxLoad,
            int selected,
            int shortfalls,
            int disagreements) {}

    static Outcome period(CompetitionData data, Options options, Map<QuotaKey, Integer> floors) {
        EvaluatorAssignment.Result first = EvaluatorAssignment.assign(data.proposals, data.evaluators, options);
        List<Score> scores = new ArrayList<>(first.assignments().size() * 2);
        Map<Long, Double> firstScores = new HashMap<>();
        for (Assignment a : first.assignments()) {
            double raw = RUBRIC.total(aspectScores(data, a));
            scores.add(new Score(a.proposalId(), a.evaluatorId(), raw));
            firstScores.put(a.proposalId(), raw);
        }
        EvaluatorAssignment.Result second = EvaluatorAssignment.secondEvaluators(
                data.proposals, data.evaluators, first.assignments(), firstScores, options);
        for (Assignment a : second.assignments()) {
            scores.add(new Score(a.proposalId(), a.evaluatorId(), RUBRIC.total(aspectScores(data, a))));
        }
        ScoreNormalisation.Result normalised = ScoreNormalisation.normalise(scores);
        Selection selection = TopSelection.select(candidates(data, normalised.proposals()), 99, floors);
        int disagreements = (int) normalised.proposals().stream()
                .filter(ProposalScore::disagreement)
                .count();
        return new Outcome(
                first.assignments().size(),
                second.assignments().size(),
                first.unassigned().size() + second.unassigned().size(),
                second.loads().values().stream().mapToInt(i -> i).min().orElse(0),
                second.loads().values().stream().mapToInt(i -> i).max().orElse(0),
                selection.selected().size(),
                selection.shortfalls().size(),
                disagreements);
    }

    /** The period's steps one by one, to show where the time goes. */
    static void steps(CompetitionData data, Options options, Map<QuotaKey, Integer> floors, int repeats) {
        String[] names = {"step-assign", "step-rubric-totals", "step-second", "step-normalise", "step-top99"};
        double[][] times = new double[names.length][repeats];
        for (int r = -Math.max(2, repeats / 2); r < repeats; r++) {
            long t0 = System.nanoTime();
            EvaluatorAssignment.Result first = EvaluatorAssignment.assign(data.proposals, data.evaluators, options);
            long t1 = System.nanoTime();
            List<Score> scores = new ArrayList<>();
            Map<Long, Double> firstScores = new HashMap<>();
            for (Assignment a : first.assignments()) {
                double raw = RUBRIC.total(aspectScores(data, a));
                scores.add(new Score(a.proposalId(), a.evaluatorId(), raw));
                firstScores.put(a.proposalId(), raw);
            }
            long t2 = System.nanoTime();
            EvaluatorAssignment.Result second = EvaluatorAssignment.secondEvaluators(
                    data.proposals, data.evaluators, first.assignments(), firstScores, options);
            for (Assignment a : second.assignments()) {
                scores.add(new Score(a.proposalId(), a.evaluatorId(), firstScores.get(a.proposalId())));
            }
            long t3 = System.nanoTime();
            ScoreNormalisation.Result normalised = ScoreNormalisation.normalise(scores);
            long t4 = System.nanoTime();
            TopSelection.select(candidates(data, normalised.proposals()), 99, floors);
            long t5 = System.nanoTime();
            if (r >= 0) {
                long[] marks = {t0, t1, t2, t3, t4, t5};
                for (int i = 0; i < names.length; i++) {
                    times[i][r] = (marks[i + 1] - marks[i]) / 1e6;
                }
            }
        }
        for (int i = 0; i < names.length; i++) {
            Arrays.sort(times[i]);
            result(names[i], times[i][repeats / 2]);
        }
    }

    private static List<Candidate> candidates(CompetitionData data, List<ProposalScore> scores) {
        Map<Long, Proposal> byId = new HashMap<>();
        data.proposals.forEach(p -> byId.put(p.id(), p));
        List<Candidate> candidates = new ArrayList<>(scores.size());
        for (ProposalScore s : scores) {
            Proposal p = byId.get(s.proposalId());
            candidates.add(new Candidate(
                    p.id(),
                    Math.round(s.meanNormalised() * 100) / 100.0,
                    p.category(),
                    p.group(),
                    data.participantType.get(p.id()),
                    data.threeT.get(p.id())));
        }
        return candidates;
    }

    /** Eleven aspect scores 1–10 around the proposal's quality shifted by the evaluator's severity. */
    private static Map<String, Integer> aspectScores(CompetitionData data, Assignment a) {
        SplittableRandom random = new SplittableRandom(a.proposalId() * 1_000_003L + a.evaluatorId());
        double base = (data.quality.get(a.proposalId()) + data.severity.get(a.evaluatorId())) / 10;
        Map<String, Integer> scores = new HashMap<>();
        for (Rubric.Aspect aspect : RUBRIC.aspects()) {
            long score = Math.round(base + random.nextDouble(-1.5, 1.5));
            scores.put(aspect.code(), (int) Math.max(1, Math.min(10, score)));
        }
        return scores;
    }

    // ---- the baseline period: plain pairwise string checks and a least-loaded scan ----

    record NaiveOutcome(int first, int second, int minLoad, int maxLoad, int selected) {}

    static NaiveOutcome naivePeriod(CompetitionData data, Options options, Map<QuotaKey, Integer> floors) {
        Paths paths = new Paths(data);
        List<Evaluator> evaluators = data.evaluators;
        int[] load = new int[evaluators.size()];
        Map<Long, List<Integer>> on = new HashMap<>();
        List<Assignment> first = new ArrayList<>();
        for (Proposal p : data.proposals) {
            int e = paths.leastLoaded(p, evaluators, load, on.getOrDefault(p.id(), List.of()), options);
            if (e >= 0) {
                load[e]++;
                on.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(e);
                first.add(new Assignment(p.id(), evaluators.get(e).id()));
            }
        }
        List<Score> scores = new ArrayList<>();
        Map<Long, Double> firstScores = new HashMap<>();
        for (Assignment a : first) {
            double raw = RUBRIC.total(aspectScores(data, a));
            scores.add(new Score(a.proposalId(), a.evaluatorId(), raw));
            firstScores.put(a.proposalId(), raw);
        }
        int second = 0;
        for (Proposal p : data.proposals) {
            Double raw = firstScores.get(p.id());
            if (raw != null && Math.abs(raw - options.passMark()) <= options.secondEvaluatorMargin()) {
                int e = paths.leastLoaded(p, evaluators, load, on.getOrDefault(p.id(), List.of()), options);
                if (e >= 0) {
                    load[e]++;
                    second++;
                    Assignment a = new Assignment(p.id(), evaluators.get(e).id());
                    scores.add(new Score(a.proposalId(), a.evaluatorId(), RUBRIC.total(aspectScores(data, a))));
                }
            }
        }
        ScoreNormalisation.Result normalised = ScoreNormalisation.normalise(scores);
        Selection selection = TopSelection.select(candidates(data, normalised.proposals()), 99, floors);
        return new NaiveOutcome(
                first.size(),
                second,
                Arrays.stream(load).min().orElse(0),
                Arrays.stream(load).max().orElse(0),
                selection.selected().size());
    }

    /** Materialised ancestor paths ("/12/57/") compared as strings, pair by pair. */
    static final class Paths {
        private final Map<Long, String> pathOf = new HashMap<>();

        Paths(CompetitionData data) {
            for (long agency : data.agencies.keySet()) {
                List<Long> chain = new ArrayList<>(data.ancestors(agency));
                java.util.Collections.reverse(chain);
                StringBuilder path = new StringBuilder("/");
                for (long a : chain) {
                    path.append(a).append('/');
                }
                pathOf.put(agency, path.append(agency).append('/').toString());
            }
        }

        private String path(long agency) {
            return pathOf.getOrDefault(agency, "/" + agency + "/");
        }

        boolean conflicted(Proposal p, Evaluator e, Options options) {
            String proposalPath = path(p.agencyId());
            String evaluatorPath = path(e.agencyId());
            return proposalPath.startsWith(evaluatorPath)
                    || evaluatorPath.startsWith(proposalPath)
                    || e.declaredConflicts().contains(p.id())
                    || (options.avoidSameProvince()
                            && p.provinceCode() != null
                            && p.provinceCode().equals(e.provinceCode()));
        }

        int leastLoaded(Proposal p, List<Evaluator> evaluators, int[] load, List<Integer> already, Options options) {
            int best = -1;
            for (int e = 0; e < evaluators.size(); e++) {
                Evaluator evaluator = evaluators.get(e);
                if (load[e] < evaluator.cap()
                        && !already.contains(e)
                        && !conflicted(p, evaluator, options)
                        && (best < 0 || load[e] < load[best])) {
                    best = e;
                }
            }
            return best;
        }

        long conflictCount(List<Proposal> proposals, List<Evaluator> evaluators, Options options) {
            long count = 0;
            for (Proposal p : proposals) {
                for (Evaluator e : evaluators) {
                    if (conflicted(p, e, options)) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    // ---- the near-duplicate baseline ----

    /** String shingles of every earlier proposal, and a Jaccard against each of them per query. */
    static final class BruteForce {
        private final List<Document> documents;
        private final List<Set<String>> shingles = new ArrayList<>();

        BruteForce(List<Document> documents) {
            this.documents = documents;
            for (Document d : documents) {
                shingles.add(shingles(d));
            }
        }

        List<Long> best(Document query, int k) {
            Set<String> q = shingles(query);
            PriorityQueue<double[]> top = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
            for (int d = 0; d < documents.size(); d++) {
                Set<String> other = shingles.get(d);
                int shared = 0;
                for (String s : q) {
                    if (other.contains(s)) {
                        shared++;
                    }
                }
                double jaccard = (double) shared / (q.size() + other.size() - shared);
                top.add(new double[] {jaccard, d});
                if (top.size() > k) {
                    top.poll();
                }
            }
            List<double[]> ranked = new ArrayList<>(top);
            ranked.sort((a, b) -> Double.compare(b[0], a[0]));
            return ranked.stream().map(r -> documents.get((int) r[1]).id()).toList();
        }

        private static Set<String> shingles(Document d) {
            String[] raw =
                    (d.title() + "\n" + d.text()).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
            List<String> words = new ArrayList<>();
            for (String w : raw) {
                if (!w.isEmpty() && !NearDuplicates.stopWords().contains(w)) {
                    words.add(w);
                }
            }
            Set<String> result = new HashSet<>();
            for (int i = 0; i + 3 <= words.size(); i++) {
                result.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
            }
            return result;
        }
    }

    // ---- measuring ----

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of this thread in nanoseconds: on a busy machine, the work itself without waiting for a core. */
    static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static void measure(String name, int repeats, Supplier<?> work) {
        for (int i = 0; i < Math.max(2, repeats / 2); i++) { // warm-up
            work.get();
        }
        double[] times = new double[repeats];
        double[] cpuTimes = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            long startedCpu = cpu();
            work.get();
            cpuTimes[i] = (cpu() - startedCpu) / 1e6;
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        Arrays.sort(cpuTimes);
        result(name, times[repeats / 2]);
        result(name + "-cpu", cpuTimes[repeats / 2]);
        print(
                "  %s: min %.1f ms, max %.1f ms over %d (CPU %.1f..%.1f ms)",
                name, times[0], times[repeats - 1], repeats, cpuTimes[0], cpuTimes[repeats - 1]);
    }

    private static void result(String name, double milliseconds) {
        System.out.printf(Locale.ROOT, "RESULT %s %.2f%n", name, milliseconds);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}

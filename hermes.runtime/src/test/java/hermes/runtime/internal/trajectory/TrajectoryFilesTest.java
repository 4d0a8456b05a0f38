package hermes.runtime.internal.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Message;

class TrajectoryFilesTest {

    @TempDir
    Path home;

    private static Trajectory trajectory(String answer, boolean completed) {
        return new Trajectory(List.of(), List.of(Message.user("q"), Message.assistant(answer)), "m", completed,
                LocalDateTime.of(2026, 3, 1, 12, 0));
    }

    @Test
    void completedAndFailedRunsGoToTheirOwnFilesInADirectoryMadeOnDemand() throws IOException {
        Path directory = home.resolve("trajectories");
        TrajectoryFiles files = new TrajectoryFiles(directory);
        Trajectory first = trajectory("one", true);
        Trajectory failed = trajectory("broken", false);
        Trajectory second = trajectory("two", true);

        assertThat(files.append(first)).isEqualTo(directory.resolve("trajectory_samples.jsonl"));
        assertThat(files.append(failed)).isEqualTo(directory.resolve("failed_trajectories.jsonl"));
        files.append(second);

        assertThat(Files.readString(directory.resolve("trajectory_samples.jsonl")))
                .isEqualTo(first.jsonLine() + second.jsonLine());
        assertThat(Files.readString(directory.resolve("failed_trajectories.jsonl"))).isEqualTo(failed.jsonLine());
    }

    @Test
    void linesFromConcurrentSessionsNeverInterleave() throws Exception {
        // two writers as two sessions would have, each line far longer than one 8 KiB write
        List<TrajectoryFiles> writers = List.of(new TrajectoryFiles(home), new TrajectoryFiles(home));
        Set<String> expected = new HashSet<>();
        List<Future<?>> appends = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 80; i++) {
                Trajectory trajectory = trajectory(Integer.toString(i).repeat(10_000), true);
                expected.add(trajectory.jsonLine());
                TrajectoryFiles writer = writers.get(i % 2);
                appends.add(pool.submit(() -> writer.append(trajectory)));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        }

        List<String> lines = Files.readAllLines(home.resolve(TrajectoryFiles.COMPLETED), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(80);
        assertThat(lines.stream().map(line -> line + "\n").toList()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void unwritableDirectoryIsReportedWithTheFile() throws IOException {
        Path notADirectory = Files.writeString(home.resolve("taken"), "a file");

        assertThatThrownBy(() -> new TrajectoryFiles(notADirectory).append(trajectory("x", false)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot append the trajectory to " + notADirectory.resolve(
                        TrajectoryFiles.FAILED));
    }
}

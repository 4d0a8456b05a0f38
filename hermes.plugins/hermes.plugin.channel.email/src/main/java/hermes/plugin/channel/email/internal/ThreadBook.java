package hermes.plugin.channel.email.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the channel remembers about its conversations, so a reply threads correctly even after a restart: per thread
 * (keyed by the root Message-ID, which is the chat id) the correspondent, the subject, the last inbound Message-ID and
 * the References chain to answer with; and how far the inbox has been read (UIDVALIDITY and the last UID seen). Kept in
 * {@code $HERMES_HOME/platforms/email/threads.json}, rewritten atomically (temp file, fsync, rename) on every change.
 *
 * <p>Thread safety: all methods are synchronized; the inbox watcher and senders share one book.
 */
final class ThreadBook {

    /** How many Message-IDs a References header keeps: the root and the most recent ones (as mail clients trim). */
    static final int MAX_REFERENCES = 20;
    /** How many of our own Message-IDs a thread remembers, to place replies that quote only In-Reply-To. */
    static final int MAX_SENT = 20;
    /** How many threads are kept; the least recently active go first. */
    static final int MAX_THREADS = 1000;

    /**
     * One conversation.
     *
     * @param correspondent the address replies go to (the last inbound sender)
     * @param subject the subject of the last inbound message, without our {@code Re: }
     * @param lastInboundId the Message-ID a reply answers by default
     * @param references the References chain a reply carries (the last inbound message's chain and its own id)
     * @param sentIds Message-IDs we sent into this thread, newest last
     * @param updatedAt when the thread last changed, ISO-8601
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MailThread(String correspondent, String subject, String lastInboundId, List<String> references,
                      List<String> sentIds, String updatedAt) {
        MailThread {
            references = references == null ? List.of() : List.copyOf(references);
            sentIds = sentIds == null ? List.of() : List.copyOf(sentIds);
            subject = subject == null ? "" : subject;
            lastInboundId = lastInboundId == null ? "" : lastInboundId;
        }
    }

    /** How far the inbox has been read: UIDs are only comparable under one UIDVALIDITY. */
    record Mark(long uidValidity, long lastUid) {
    }

    /** The file's shape. */
    record Contents(int version, Mark mailbox, Map<String, MailThread> threads) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, MailThread> threads = new LinkedHashMap<>();
    /** Every Message-ID we know, to the root of its thread. */
    private final Map<String, String> rootsById = new HashMap<>();
    private Mark mark;

    private ThreadBook(Path file) {
        this.file = file;
    }

    /**
     * The book stored in {@code file}; empty when the file does not exist yet.
     *
     * @throws IOException when the file cannot be read or is not the JSON this class writes; the message names it
     */
    static ThreadBook load(Path file) throws IOException {
        ThreadBook book = new ThreadBook(file);
        Contents contents;
        try {
            contents = MAPPER.readValue(Files.readAllBytes(file), Contents.class);
        } catch (NoSuchFileException missing) {
            return book;
        } catch (IOException e) {
            throw new IOException(file + " is not a valid email thread file (" + e.getMessage()
                    + "); fix or remove it (replies to older threads will then start new ones)", e);
        }
        book.mark = contents.mailbox();
        if (contents.threads() != null) {
            contents.threads().forEach(book::put);
        }
        return book;
    }

    synchronized Optional<Mark> mark() {
        return Optional.ofNullable(mark);
    }

    synchronized void mark(Mark next) throws IOException {
        mark = next;
        save();
    }

    synchronized Optional<MailThread> thread(String root) {
        return Optional.ofNullable(threads.get(root));
    }

    /**
     * The thread a message belongs to: the thread of the first Message-ID it refers to that we know; else the first
     * of its References (the conversation's root), else its In-Reply-To, else the message itself starts a thread.
     */
    synchronized String rootOf(List<String> references, Optional<String> inReplyTo, String messageId) {
        List<String> candidates = new ArrayList<>(references);
        inReplyTo.ifPresent(candidates::add);
        candidates.add(messageId);
        for (String id : candidates) {
            String root = rootsById.get(id);
            if (root != null) {
                return root;
            }
        }
        return references.isEmpty() ? inReplyTo.orElse(messageId) : references.getFirst();
    }

    /** Records an inbound message of thread {@code root} and saves the book. */
    synchronized void recordInbound(String root, String from, String subject, String messageId,
                                    List<String> references) throws IOException {
        List<String> chain = new ArrayList<>(references);
        chain.remove(messageId);
        chain.add(messageId);
        List<String> sent = Optional.ofNullable(threads.get(root)).map(MailThread::sentIds).orElse(List.of());
        put(root, new MailThread(from, subject, messageId, trim(chain), sent, Instant.now().toString()));
        rootsById.put(messageId, root);
        save();
    }

    /**
     * Records a message we sent into thread {@code root} and saves the book; {@code to} starts the thread when it is
     * new (a delivery to a bare address).
     */
    synchronized void recordSent(String root, String to, String subject, String messageId) throws IOException {
        MailThread thread = threads.get(root);
        List<String> sent = new ArrayList<>(thread == null ? List.of() : thread.sentIds());
        sent.add(messageId);
        if (sent.size() > MAX_SENT) {
            sent.subList(0, sent.size() - MAX_SENT).clear();
        }
        MailThread next = thread == null
                ? new MailThread(to, subject, "", List.of(messageId), sent, Instant.now().toString())
                : new MailThread(thread.correspondent(), thread.subject(), thread.lastInboundId(),
                        thread.references(), sent, Instant.now().toString());
        put(root, next);
        save();
    }

    private void put(String root, MailThread thread) {
        threads.remove(root);
        threads.put(root, thread);
        rootsById.put(root, root);
        thread.references().forEach(id -> rootsById.putIfAbsent(id, root));
        thread.sentIds().forEach(id -> rootsById.put(id, root));
        if (threads.size() > MAX_THREADS) {
            String oldest = threads.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<String, MailThread> e) -> e.getValue().updatedAt()))
                    .orElseThrow().getKey();
            threads.remove(oldest);
            rootsById.values().removeIf(oldest::equals);
        }
    }

    private static List<String> trim(List<String> chain) {
        if (chain.size() <= MAX_REFERENCES) {
            return chain;
        }
        List<String> trimmed = new ArrayList<>();
        trimmed.add(chain.getFirst());
        trimmed.addAll(chain.subList(chain.size() - (MAX_REFERENCES - 1), chain.size()));
        return trimmed;
    }

    private void save() throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(new Contents(1, mark, threads));
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                // correspondents' addresses and subjects are personal data
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(json));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

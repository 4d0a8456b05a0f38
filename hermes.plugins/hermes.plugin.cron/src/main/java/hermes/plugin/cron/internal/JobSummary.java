package hermes.plugin.cron.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the tool and the command describe a job: the original's list fields. */
final class JobSummary {

    private static final int PREVIEW = 100;

    private JobSummary() {
    }

    static Map<String, Object> of(CronJob job) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("job_id", job.id());
        summary.put("name", job.name());
        summary.put("skills", job.skills());
        String prompt = job.prompt();
        summary.put("prompt_preview", prompt.length() <= PREVIEW ? prompt : prompt.substring(0, PREVIEW) + "...");
        summary.put("model", job.fields().get(CronJob.MODEL));
        summary.put("provider", job.fields().get(CronJob.PROVIDER));
        summary.put("schedule", job.scheduleDisplay());
        summary.put("repeat", repeat(job));
        summary.put("deliver", job.deliver());
        for (String key : new String[] {CronJob.NEXT_RUN_AT, CronJob.LAST_RUN_AT, CronJob.LAST_STATUS,
                CronJob.LAST_ERROR, CronJob.LAST_DELIVERY_ERROR}) {
            summary.put(key, job.fields().get(key));
        }
        summary.put("enabled", job.enabled());
        summary.put("state", job.state());
        summary.put("paused_at", job.fields().get(CronJob.PAUSED_AT));
        summary.put("paused_reason", job.fields().get(CronJob.PAUSED_REASON));
        return summary;
    }

    /** {@code forever}, or {@code completed/times}. */
    static String repeat(CronJob job) {
        return job.repeatTimes().map(times -> job.repeatCompleted() + "/" + times).orElse("forever");
    }
}

package hermes.plugin.cron.internal;

import java.util.List;

/** Every model-visible and user-visible text of a job run, in one place. */
final class CronPrompt {

    static final String SILENT = "[SILENT]";

    private CronPrompt() {
    }

    /** The one user message of a run: how it runs, the attached skills in order, then the task. */
    static String message(List<String> skills, String prompt, String deliveryTarget) {
        StringBuilder text = new StringBuilder();
        text.append("[You are running as a scheduled job; nobody is watching and nobody can answer questions. Your"
                + " final answer is delivered automatically (").append(deliveryTarget).append("), so do not try to"
                + " send it yourself. If there is nothing worth reporting, answer exactly ").append(SILENT)
                .append(" and nothing is delivered.]\n\n");
        for (String skill : skills) {
            text.append(skill).append("\n\n");
        }
        return text.append(prompt).toString();
    }

    static String skill(String name, String content) {
        return "[The skill \"" + name + "\" is attached to this job: follow its instructions.]\n\n" + content.strip();
    }

    /** What a chat receives: the answer, wrapped when {@code cron.wrap_response} is on. */
    static String delivered(CronJob job, String answer, boolean wrap) {
        if (!wrap) {
            return answer;
        }
        return "Cron job: " + job.name() + "\n\n" + answer.strip()
                + "\n\n(Sent by a scheduled job; the agent that wrote it does not see replies here.)";
    }

    /** What a chat receives when a run failed. */
    static String failure(CronJob job, String error) {
        return "Cron job '" + job.name() + "' failed: " + error;
    }

    /** The {@code cron/output/<job>/<timestamp>.md} file of one run. */
    static String output(CronJob job, String runAt, String answer, String error) {
        StringBuilder text = new StringBuilder("# Cron Job: ").append(job.name()).append("\n\n")
                .append("**Job ID:** ").append(job.id()).append('\n')
                .append("**Run Time:** ").append(runAt).append('\n')
                .append("**Schedule:** ").append(job.scheduleDisplay()).append("\n\n")
                .append("## Prompt\n\n").append(job.prompt()).append("\n\n");
        if (!error.isEmpty()) {
            text.append("## Error\n\n").append(error).append("\n\n");
        }
        return text.append("## Response\n\n").append(answer).append('\n').toString();
    }
}

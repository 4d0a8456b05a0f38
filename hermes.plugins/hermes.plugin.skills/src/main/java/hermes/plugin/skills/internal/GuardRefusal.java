package hermes.plugin.skills.internal;

import hermes.plugin.skills.internal.guard.ScanReport;

/** An agent write the skills guard rates dangerous; the message is for the agent and names every finding. */
final class GuardRefusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient ScanReport report;

    GuardRefusal(ScanReport report) {
        super("the skills guard rates this content dangerous, so it was not written. Findings:\n" + report.format()
                + "\nRemove or rewrite the flagged lines. If the user really wants them, they can edit the file"
                + " themselves or set skills.guard_agent_created: false in config.yaml.");
        this.report = report;
    }

    ScanReport report() {
        return report;
    }
}

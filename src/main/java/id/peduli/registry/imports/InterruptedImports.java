package id.peduli.registry.imports;

import id.peduli.platform.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, before any request is served, the import jobs this instance was running when it stopped (validation
 * or commit) are marked as interrupted: the job page and the API say so in the reader's language, and the job can
 * be validated again at once. The run's own transaction died with the old process, so an interrupted commit wrote
 * nothing, in either mode. Jobs of other instances on the same database are left to the heartbeat rule.
 */
@Component
class InterruptedImports implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final JdbcClient jdbc;
    private final InstanceId instance;

    InterruptedImports(JdbcClient jdbc, InstanceId instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    @Override
    public void afterSingletonsInstantiated() {
        recover();
    }

    /** Marks this instance's running jobs as interrupted; returns how many. */
    int recover() {
        int interrupted = jdbc.sql("""
                        update registry.import_job set status = 'FAILED', phase = null,
                            error_key = 'import.interrupted', error_args = '[]', finished_at = now(),
                            version = version + 1
                        where status in ('VALIDATING', 'COMMITTING') and instance_id = ?
                        """).param(instance.value()).update();
        if (interrupted > 0) {
            log.warn("{} import job(s) were interrupted when Peduli stopped; they can be run again", interrupted);
        }
        return interrupted;
    }

    /** Records that this instance runs the job (called as a job is queued). */
    static void claim(JdbcClient jdbc, InstanceId instance, long jobId) {
        jdbc.sql("update registry.import_job set instance_id = ? where id = ?")
                .param(instance.value())
                .param(jobId)
                .update();
    }
}

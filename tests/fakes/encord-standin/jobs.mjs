// Upload jobs after they start: their units are processed one at a time, paced at unitsPerSecond
// (0: only when stepJobs() lets them; Infinity: as fast as the event loop goes), and each change of a
// job wakes the long polls held on it. The answer's shape is UploadLongPollingState and a unit error is
// a DataUnitError (encord/orm/storage.py, encord/orm/dataset.py in encord-team/encord-client-python).
// A unit fails when objectExists(url) says false (or throws) for any of its URLs, or when a strict
// client-only integration lacks its media metadata. ignoreErrors (LongPollingStatus docstring):
//   true:  the job always ends DONE; failed units are counted and listed.
//   false: the job ends DONE only if nothing failed, else ERROR. Encord's GCP import guide recommends
//          "Ignore individual file errors" so "that individual file errors do not lead to the whole
//          upload process being aborted": so by default (abortOnUnitError) the first failure ends the
//          job at once, the units not yet started are counted cancelled, and what was registered
//          before it stays registered (the pessimistic case for a client).
// Cancelling counts every unit not yet started as cancelled and ends the job CANCELLED; a unit in
// progress finishes.
import crypto from 'node:crypto';

const TERMINAL = ['DONE', 'ERROR', 'CANCELLED'];

export function makeJobs({ registry, objectExists, unitsPerSecond = 1000, abortOnUnitError = true }) {
  const jobs = new Map();
  let ups = Number(unitsPerSecond);
  let closed = false;

  const bump = (job) => {
    job.version += 1;
    for (const w of job.waiters) { clearTimeout(w.timer); w.resolve(); }
    job.waiters.clear();
  };

  // Pacing: a job waits before each unit; a grant from stepJobs() or the interval lets it go.
  const release = (job) => {
    const p = job.pacer;
    if (!p) return;
    job.pacer = null;
    clearTimeout(p.timer);
    p.resolve();
  };
  const arm = (job) => {
    const p = job.pacer;
    if (!p) return;
    clearTimeout(p.timer);
    p.timer = null;
    if (job.grants > 0) { job.grants -= 1; release(job); return; }
    if (ups > 0) p.timer = setTimeout(() => release(job), Number.isFinite(ups) ? 1000 / ups : 0);
  };
  const pace = (job) => new Promise((resolve) => {
    job.pacer = { resolve, timer: null };
    arm(job);
  });

  async function check(job, unit) {
    if (job.integration.strictClientOnly && (unit.kind === 'video' || unit.kind === 'image') && !unit.hasMetadata) {
      return `${unit.metadataKey} must be given for data registered through a Strict client-only access integration.`;
    }
    const problems = await Promise.all(unit.urls.map(async (u) => {
      try {
        return (await objectExists(u)) ? null : `Object not found: ${u}`;
      } catch (err) {
        return err.message;
      }
    }));
    const found = problems.filter(Boolean);
    return found.length ? found.join('; ') : null;
  }

  async function run(job) {
    while (job.next < job.units.length && job.status === 'PENDING') {
      await pace(job);
      if (closed || job.status !== 'PENDING' || job.next >= job.units.length) break;
      const unit = job.units[job.next++];
      const problem = await check(job, unit);
      if (problem) {
        job.unitsErrorCount += 1;
        job.errors.push(problem);
        job.unitErrors.push({ objectUrls: [...unit.urls], error: problem, subtaskUuid: crypto.randomUUID(), actionDescription: unit.action });
        if (!job.ignoreErrors && abortOnUnitError && job.status === 'PENDING') {
          job.unitsCancelledCount += job.units.length - job.next;
          job.next = job.units.length;
          job.status = 'ERROR';
        }
      } else {
        if (!(job.skipDuplicateUrls && registry.has(job.folderUuid, unit.urls))) {
          const itemUuid = registry.register(job.folderUuid, unit, job.jobUuid);
          job.itemsWithNames.push({ itemUuid, name: unit.title });
        } else {
          job.unitsSkippedCount += 1;
        }
        job.unitsDoneCount += 1;
      }
      bump(job);
    }
    if (closed) return;
    if (job.status === 'PENDING') {
      job.status = job.unitsErrorCount > 0 && !job.ignoreErrors ? 'ERROR' : 'DONE';
    }
    job.finished = true;
    bump(job);
  }

  const answer = (job) => {
    const s = {
      status: job.status,
      itemsWithNames: job.itemsWithNames.map((i) => ({ ...i })),
      errors: [...job.errors],
      unitsPendingCount: job.units.length - job.unitsDoneCount - job.unitsErrorCount - job.unitsCancelledCount,
      unitsDoneCount: job.unitsDoneCount,
      unitsErrorCount: job.unitsErrorCount,
      unitsCancelledCount: job.unitsCancelledCount,
      unitErrors: job.unitErrors.map((e) => ({ ...e, objectUrls: [...e.objectUrls] })),
    };
    if (job.fileName !== undefined && job.fileName !== null) s.fileName = job.fileName;
    return s;
  };

  return {
    // Starts a job; gives its uuid at once (the units run afterwards).
    start({ folderUuid, integration, units, skipDuplicateUrls, ignoreErrors, fileName }) {
      const job = {
        jobUuid: crypto.randomUUID(), folderUuid, integration, units, skipDuplicateUrls, ignoreErrors, fileName,
        next: 0, status: 'PENDING', version: 0, waiters: new Set(), pacer: null, grants: 0, finished: false,
        itemsWithNames: [], errors: [], unitErrors: [],
        unitsDoneCount: 0, unitsErrorCount: 0, unitsCancelledCount: 0, unitsSkippedCount: 0,
      };
      jobs.set(job.jobUuid, job);
      run(job);
      return job.jobUuid;
    },
    get: (jobUuid) => jobs.get(jobUuid),
    answer,
    // Resolves at the job's next change or after ms; at once if the job has ended.
    // Gives {promise, cancel}: cancel() (the poll's client went away) resolves it now.
    wait(job, ms) {
      let w;
      const promise = new Promise((resolve) => {
        if (TERMINAL.includes(job.status) && job.finished) return resolve();
        w = { resolve, timer: setTimeout(() => { job.waiters.delete(w); resolve(); }, ms) };
        job.waiters.add(w);
        return undefined;
      });
      return { promise, cancel() { if (w) { clearTimeout(w.timer); job.waiters.delete(w); w.resolve(); } } };
    },
    cancel(job) {
      if (job.status !== 'PENDING') return 0;
      const n = job.units.length - job.next;
      job.unitsCancelledCount += n;
      job.next = job.units.length;
      job.status = 'CANCELLED';
      release(job);
      bump(job);
      return n;
    },
    setUnitsPerSecond(x) {
      ups = Number(x);
      for (const job of jobs.values()) arm(job);
    },
    get unitsPerSecond() { return ups; },
    // Lets n more units of each running job (or of one job) start, whatever the pace.
    step(n = 1, jobUuid = undefined) {
      for (const job of jobs.values()) {
        if (jobUuid && job.jobUuid !== jobUuid) continue;
        if (job.status !== 'PENDING') continue;
        job.grants += n;
        arm(job);
      }
    },
    // Summaries for tests: [{jobUuid, folderUuid, status, units, ...counts, fileName}].
    list: () => [...jobs.values()].map((j) => ({ jobUuid: j.jobUuid, folderUuid: j.folderUuid, units: j.units.length, unitsSkippedCount: j.unitsSkippedCount, ...answer(j) })),
    clear() {
      for (const job of jobs.values()) { job.status = job.status === 'PENDING' ? 'CANCELLED' : job.status; release(job); bump(job); }
      jobs.clear();
    },
    close() {
      closed = true;
      for (const job of jobs.values()) {
        if (job.pacer) clearTimeout(job.pacer.timer);
        for (const w of job.waiters) clearTimeout(w.timer);
        job.waiters.clear();
      }
    },
  };
}

// Upload-job routes (StorageFolder._add_data_to_folder_start / _get_result, add_data_to_folder_job_cancel
// in encord/storage.py; PostUploadJobParams, GetUploadJobParams, UploadLongPollingState,
// AddDataToFolderJobCancelResponse in encord/orm/storage.py of encord-team/encord-client-python):
//   POST storage/folders/{folder}/data-upload-jobs {externalFiles, integrationHash, ignoreErrors, fileName?}
//        → the job's uuid as a bare JSON string
//   GET  storage/folders/{folder}/data-upload-jobs/{job}?timeoutSeconds=N → UploadLongPollingState,
//        held until the job changes or min(N, longPollCapS) seconds pass (long polling; the SDK sends
//        its remaining timeout, default 7 days, and the older dataset API capped a poll at 60 s,
//        LONG_POLLING_MAX_REQUEST_TIME_SECONDS in encord/client.py)
//   POST storage/folders/{folder}/data-upload-jobs/{job}/cancel → {unitsCancelledCount}
import { ApiError, badRequest, notFound } from './errors.mjs';
import { uuidOf } from './query.mjs';
import { readSpec } from './upload-spec.mjs';

export function startJob(ctx) {
  const { state } = ctx;
  const folder = state.folders.mustGet(ctx.params.folder);
  const body = ctx.jsonBody();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The upload job must be a JSON object.');
  const { externalFiles, dataItems, integrationHash, ignoreErrors = false, fileName } = body;
  if (dataItems !== undefined && dataItems !== null) {
    if (externalFiles !== undefined && externalFiles !== null) throw badRequest('Send externalFiles or dataItems, not both.');
    throw new ApiError(501, 'The structured dataItems form is not implemented by the Encord stand-in; send externalFiles.');
  }
  if (externalFiles === undefined || externalFiles === null) throw badRequest('externalFiles (the upload spec) is required.');
  if (typeof ignoreErrors !== 'boolean') throw badRequest('ignoreErrors must be true or false.');
  if (fileName !== undefined && fileName !== null && typeof fileName !== 'string') throw badRequest('fileName must be a string.');
  if (integrationHash === undefined || integrationHash === null) throw badRequest('integrationHash is required to register private cloud data.');
  const integration = state.integrations.get(uuidOf(integrationHash, 'integrationHash'));
  if (!integration) throw notFound(`Integration ${integrationHash} not found.`);
  // Only an Admin of an integration may register data with it
  // (https://docs.encord.com/platform-documentation/General/annotate-data-integrations).
  if (integration.role !== 'admin') throw new ApiError(403, `You are not authorised to register data with integration "${integration.title}".`);
  const { units, skipDuplicateUrls } = readSpec(externalFiles);
  if (units.length > state.maxUnitsPerJob) {
    throw badRequest(`The upload spec has ${units.length} data units; at most ${state.maxUnitsPerJob} are accepted at one time.`);
  }
  const jobUuid = state.jobs.start({ folderUuid: folder.uuid, integration, units, skipDuplicateUrls, ignoreErrors, fileName: fileName ?? undefined });
  state.stats.count('jobsStarted');
  return ctx.json(200, jobUuid);
}

function jobOf(ctx) {
  const folder = ctx.state.folders.mustGet(ctx.params.folder);
  const id = uuidOf(ctx.params.job, 'The upload job id');
  const job = ctx.state.jobs.get(id);
  if (!job || job.folderUuid !== folder.uuid) throw notFound(`Upload job ${id} not found in folder ${folder.uuid}.`);
  return job;
}

export async function pollJob(ctx) {
  const { state } = ctx;
  const job = jobOf(ctx);
  // GetUploadJobParams.timeout_seconds defaults to 60 in the SDK, which always sends it.
  const timeoutS = ctx.query.int('timeoutSeconds', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 60 });
  const holdMs = Math.min(timeoutS, state.longPollCapS) * 1000;
  if (holdMs > 0 && job.status === 'PENDING') {
    const w = state.jobs.wait(job, holdMs);
    const gone = () => w.cancel();
    ctx.res.on('close', gone);
    await w.promise;
    ctx.res.off('close', gone);
    if (ctx.res.destroyed) return undefined;
  }
  return ctx.json(200, state.jobs.answer(job));
}

export function cancelJob(ctx) {
  const job = jobOf(ctx);
  return ctx.json(200, { unitsCancelledCount: ctx.state.jobs.cancel(job) });
}

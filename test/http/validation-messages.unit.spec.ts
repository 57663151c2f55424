import { ReportIncidentRequest } from '../../libs/incidents/src/application/report-incident/report-incident.request';
import { RegisterTeamRequest } from '../../libs/teams/src/application/register-team/register-team.request';
import { TEAM_KINDS } from '../../libs/teams/src/domain/team/team.types';
import { createValidationPipe, RequestValidationError } from '../../libs/shared/src/nest/validation';
import type { FieldError } from '../../libs/shared/src/nest/problem-details';
import { incidentBody } from '../support/incident-fixtures';

/** The field errors the API's validation pipe answers for `body` (one message per field), or [] when it passes. */
async function errorsFor(metatype: new () => object, body: unknown): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (error instanceof RequestValidationError) return error.errors;
    throw error;
  }
}

const teamBody = (overrides: Record<string, unknown> = {}) => ({
  name: '中卫市危化品专业救援队',
  kind: TEAM_KINDS[0],
  specialties: ['hazardous_chemicals'],
  headcount: 30,
  base: { address: '中卫工业园区纬三路', lat: 37.53, lng: 105.15 },
  contact: { name: '李强', phone: '0955-1234567' },
  jurisdiction: '640571',
  ...overrides,
});

/**
 * Each field's message names the rule that actually failed, with the field's path: a missing field is required (not
 * "too long", which a length rule checked first on nothing would say), a value of the wrong type has the wrong type,
 * and only a value of the right type is told about its length, range or allowed values.
 */
describe('validation messages name the failed rule', () => {
  it('the bodies used below are valid as they are', async () => {
    expect(await errorsFor(ReportIncidentRequest, incidentBody())).toEqual([]);
    // The jurisdiction rule needs the tree loaded at start; outside the app it is the only one that fails here.
    expect((await errorsFor(RegisterTeamRequest, teamBody())).filter((e) => e.path !== 'jurisdiction')).toEqual([]);
  });

  it('a missing field is required, at any depth, whatever rules it also has', async () => {
    const body = incidentBody() as { reporter: Record<string, unknown>; casualties: Record<string, unknown> };
    delete body.reporter.organization;
    delete body.casualties.deaths;
    const { title: _title, category: _category, ...rest } = body as unknown as Record<string, unknown>;
    expect(await errorsFor(ReportIncidentRequest, rest)).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'title 为必填项' },
        { path: 'category', message: 'category 为必填项' },
        { path: 'reporter.organization', message: 'reporter.organization 为必填项' },
        { path: 'casualties.deaths', message: 'casualties.deaths 为必填项' },
      ]),
    );
    const { headcount: _headcount, ...team } = teamBody({ base: { address: '纬三路', lng: 105.15 } });
    const teamErrors = await errorsFor(RegisterTeamRequest, team);
    expect(teamErrors).toEqual(
      expect.arrayContaining([
        { path: 'headcount', message: 'headcount 为必填项' },
        { path: 'base.lat', message: 'base.lat 为必填项' },
      ]),
    );
    expect(teamErrors.map((e) => e.message).join('\n')).not.toMatch(/长度|不能大于|不能小于|纬度/);
  });

  it('a value of the wrong type is told its type, not its length or range', async () => {
    const errors = await errorsFor(
      ReportIncidentRequest,
      incidentBody({
        title: 42,
        reporter: { name: '张伟', phone: '0955-1234567', organization: ['企业安全科'] },
        casualties: { deaths: '1', missing: 0, seriousInjuries: 1.5, minorInjuries: 0, trapped: 0 },
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'title 必须是字符串' },
        { path: 'reporter.organization', message: 'reporter.organization 必须是字符串' },
        { path: 'casualties.deaths', message: 'casualties.deaths 须为整数' },
        { path: 'casualties.seriousInjuries', message: 'casualties.seriousInjuries 须为整数' },
      ]),
    );
    expect(errors).toHaveLength(4);
  });

  it('a value of the right type is told its length, range or allowed values', async () => {
    const errors = await errorsFor(
      ReportIncidentRequest,
      incidentBody({
        title: '泄'.repeat(201),
        category: 'volcano',
        reporter: { name: '张伟', phone: '0955-1234567', organization: '' },
        casualties: { deaths: -1, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 },
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'title 长度不能超过 200 个字符' },
        { path: 'reporter.organization', message: 'reporter.organization 不能为空' },
        { path: 'casualties.deaths', message: 'casualties.deaths 不能小于 0' },
      ]),
    );
    const category = errors.find((e) => e.path === 'category')!;
    expect(category.message).toMatch(/^category 须为以下之一：.*hazardous_chemicals/);
    expect(errors).toHaveLength(4);

    const team = await errorsFor(
      RegisterTeamRequest,
      teamBody({ kind: 'wizards', headcount: 0, equipment: ['担架', '绳'.repeat(201)], specialties: ['flying'] }),
    );
    expect(team).toEqual(
      expect.arrayContaining([
        { path: 'kind', message: `kind 须为以下之一：${TEAM_KINDS.join('、')}` },
        { path: 'headcount', message: 'headcount 不能小于 1' },
        { path: 'equipment', message: 'equipment 的每一项 长度不能超过 200 个字符' },
        { path: 'specialties', message: expect.stringMatching(/^specialties 的每一项 须为以下之一：/) },
      ]),
    );
  });
});

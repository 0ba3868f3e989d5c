// eco-admin commands, run against a platform: create institutions, subjects and users; verify the audit chain.
import { parseArgs } from 'node:util';
import type { InstitutionType } from '../db/institutions/institution.schema.js';
import type { SubjectType } from '../db/subjects/subject.schema.js';
import { seedDemoIfEmpty, systemActor } from '../demo/seed-demo.js';
import { AppError } from '../domain/errors/index.js';
import type { Role } from '../domain/identity/permissions.js';
import { SchemaRegistry } from '../http/validation.js';
import type { Platform } from '../platform.js';

export const adminUsage = `usage:
  eco-admin create-institution --name <name> --type <bank|guarantee_institution|external_reviewer|regulator|platform_operator> --region <region> --code <18-char code>
  eco-admin create-subject --type <individual|enterprise|social_organisation> --name <name> --region <region> --code <code>
  eco-admin create-user --username <name> --display-name <name> --roles <role,role> (--institution-code <code> | --subject-id <id>)
                        (password from the ECO_ADMIN_PASSWORD environment variable)
  eco-admin verify-audit
  eco-admin seed-demo`;

const schemas = new SchemaRegistry();

function flags(argv: string[], names: string[]): Record<string, string | undefined> {
  const { values } = parseArgs({ args: argv, options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])), strict: true });
  return values as Record<string, string | undefined>;
}

type Command = (argv: string[], platform: Platform, env: Record<string, string | undefined>) => Promise<unknown>;

const commands: Record<string, Command> = {
  async 'create-institution'(argv, platform) {
    const f = flags(argv, ['name', 'type', 'region', 'code', 'name-en']);
    const body = schemas.validate<{ name: string; type: InstitutionType; region: string; code: string }>('api/institutions/institution.body', 'body', {
      name: f['name'], type: f['type'], region: f['region'], code: f['code'], ...(f['name-en'] ? { nameEn: f['name-en'] } : {}),
    });
    return platform.services.directory.createInstitution(systemActor, body);
  },
  async 'create-subject'(argv, platform) {
    const f = flags(argv, ['type', 'name', 'region', 'code']);
    const body = schemas.validate<{ type: SubjectType; name: string; region: string; code: string }>('api/subjects/subject.body', 'body', {
      type: f['type'], name: f['name'], region: f['region'], code: f['code'],
    });
    return platform.services.directory.createSubject(systemActor, body);
  },
  async 'create-user'(argv, platform, env) {
    const f = flags(argv, ['username', 'display-name', 'roles', 'institution-code', 'subject-id']);
    let institutionId: string | undefined;
    if (f['institution-code']) {
      const institution = await platform.repositories.institutions.findByCode(f['institution-code']);
      if (!institution) throw new AppError('VALIDATION_FAILED', `no institution has the code ${f['institution-code']}`, { field: 'institution-code' });
      institutionId = institution.id;
    }
    const body = schemas.validate<{ username: string; displayName: string; password: string; roles: Role[]; institutionId?: string; subjectId?: string }>(
      'api/users/user.body', 'body', {
        username: f['username'], displayName: f['display-name'], password: env['ECO_ADMIN_PASSWORD'],
        roles: f['roles']?.split(',').map((r) => r.trim()),
        ...(institutionId ? { institutionId } : {}), ...(f['subject-id'] ? { subjectId: f['subject-id'] } : {}),
      },
    );
    return platform.services.directory.createUser(systemActor, body);
  },
  async 'verify-audit'(_argv, platform) {
    return platform.services.audit.verify();
  },
  async 'seed-demo'(_argv, platform) {
    return { seeded: await seedDemoIfEmpty(platform) };
  },
};

export interface CommandOutcome {
  exitCode: number;
  output: string;
}

/** Runs one command; bad input and failed verification give a non-zero exit and a message naming the field. */
export async function runAdminCommand(argv: string[], platform: Platform, env: Record<string, string | undefined>): Promise<CommandOutcome> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) return { exitCode: 2, output: `${name ? `unknown command: ${name}\n` : ''}${adminUsage}` };
  try {
    const result = await command(rest, platform, env);
    const failed = name === 'verify-audit' && !(result as { ok: boolean }).ok;
    return { exitCode: failed ? 1 : 0, output: JSON.stringify(result, null, 2) };
  } catch (e) {
    if (e instanceof AppError) return { exitCode: 2, output: `eco-admin ${name}: ${e.message}${e.field ? ` (field: ${e.field})` : ''}` };
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return { exitCode: 2, output: `eco-admin ${name}: ${(e as Error).message}\n${adminUsage}` };
    throw e;
  }
}

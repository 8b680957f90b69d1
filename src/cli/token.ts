// `filings token add NAME --role R | list | revoke ID|NAME`: who may use `filings serve`. `add` prints
// the new token alone on stdout (for a script to capture) and never again: the store keeps its hash.
import { newToken, ROLE_NAME } from '../access/tokens.ts';
import { renderView } from '../report/terminal.ts';
import { col, text } from '../report/view.ts';
import type { Role } from '../store/store.ts';
import { CliError, EXIT, type ExitCode } from './exit-codes.ts';
import { printJson } from './json-output.ts';
import { openStoreFor, type StoreFlags } from './store-options.ts';

export async function tokenAddCommand(name: string, flags: StoreFlags & { role: Role; json?: boolean }): Promise<ExitCode> {
  const clean = name.trim();
  if (!clean || clean.length > 100 || /\p{Cc}/u.test(clean)) throw new CliError('bad_name', 'a token name is 1 to 100 characters, no control characters', EXIT.usage);
  // The first token is usually made before anything is imported: this may create the store.
  const store = await openStoreFor(flags, 'create');
  try {
    const { token, id, hash } = newToken();
    await store.addToken({ id, name: clean, role: flags.role, tokenHash: hash });
    if (flags.json) printJson({ id, name: clean, role: flags.role, token });
    else process.stdout.write(`${token}\n`);
    process.stderr.write(`filings: token ${id} (${clean}, ${flags.role}) added; it is shown this once\n`);
    return EXIT.done;
  } finally {
    await store.close();
  }
}

export async function tokenListCommand(flags: StoreFlags & { json?: boolean }): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'read');
  try {
    const tokens = (await store.listTokens()).map(({ tokenHash: _, ...t }) => t);
    if (flags.json) printJson({ tokens });
    else
      process.stdout.write(
        renderView({
          name: '令牌',
          file: 'tokens',
          title: `令牌：${tokens.length} 个`,
          columns: [col('编号'), col('名称'), col('角色'), col('创建时间'), col('状态')],
          rows: tokens.map((t) => [text(t.id), text(t.name), text(`${ROLE_NAME[t.role]}（${t.role}）`), text(t.createdAt.slice(0, 19).replace('T', ' ')), text(t.revokedAt ? `已撤销 ${t.revokedAt.slice(0, 10)}` : '有效')]),
          notes: [],
        }),
      );
    return EXIT.done;
  } finally {
    await store.close();
  }
}

export async function tokenRevokeCommand(idOrName: string, flags: StoreFlags & { json?: boolean }): Promise<ExitCode> {
  const store = await openStoreFor(flags, 'read');
  try {
    const revoked = await store.revokeToken(idOrName);
    if (flags.json) printJson({ revoked });
    process.stderr.write(`filings: ${revoked} token${revoked === 1 ? '' : 's'} revoked\n`);
    return revoked > 0 ? EXIT.done : EXIT.inputsFailed;
  } finally {
    await store.close();
  }
}

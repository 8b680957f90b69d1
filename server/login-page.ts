// The login page: a plain form (no script, so the strict CSP holds with nothing to allow) that posts
// the token; the server answers with the session cookie and sends the browser to the workspace.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function loginPage(error: string | null): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 绩效目标申报表工作台</title>
<link rel="stylesheet" href="/login.css">
</head>
<body>
<main class="login">
<h1>绩效目标申报表工作台</h1>
<p>请输入管理员发给您的令牌（用 <code>filings token add</code> 生成）。</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/login">
<label for="token">令牌</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">登录</button>
</form>
</main>
</body>
</html>
`;
}

export const LOGIN_CSS = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;background:#f4f6f8;color:#1f2933;margin:0}
.login{max-width:420px;margin:12vh auto;background:#fff;border:1px solid #d9dee3;border-radius:6px;padding:32px}
h1{font-size:22px;margin:0 0 12px}
label{display:block;margin:16px 0 6px}
input{width:100%;box-sizing:border-box;padding:8px;font-size:15px;border:1px solid #b9c2cb;border-radius:4px}
button{margin-top:16px;padding:8px 20px;font-size:15px;background:#1d5fa7;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#b42318;background:#fef3f2;border:1px solid #fecdca;padding:8px;border-radius:4px}
code{background:#eef1f4;padding:1px 4px;border-radius:3px}
`;

"""Translations for the security and first-run strings (issue 9, items 6, 7, 8, 16)."""

T = {
    "Too many failed sign-in attempts": (
        "Zu viele fehlgeschlagene Anmeldeversuche",
        "Trop de tentatives de connexion échouées",
        "Demasiados intentos de inicio de sesión fallidos",
        "ログインの失敗が多すぎます",
        "登录失败次数过多",
    ),
    "Another administrator can lift the lock sooner under Axes → Access attempts.": (
        "Eine andere Administratorin oder ein anderer Administrator kann die Sperre unter Axes → Access attempts früher aufheben.",
        "Un autre administrateur peut lever le blocage plus tôt sous Axes → Access attempts.",
        "Otro administrador puede levantar el bloqueo antes en Axes → Access attempts.",
        "別の管理者が Axes → Access attempts からロックを早めに解除できます。",
        "其他管理员可以在 Axes → Access attempts 中提前解除锁定。",
    ),
    "You have tried this more often than we allow in a short time. Please wait a few minutes and try again.": (
        "Sie haben das in kurzer Zeit öfter versucht, als wir erlauben. Bitte warten Sie ein paar Minuten und versuchen Sie es dann erneut.",
        "Vous avez essayé plus souvent que nous ne le permettons en peu de temps. Veuillez patienter quelques minutes, puis réessayer.",
        "Lo ha intentado más veces de las que permitimos en poco tiempo. Espere unos minutos y vuelva a intentarlo.",
        "短時間に許可された回数を超えて試行されました。数分待ってから、もう一度お試しください。",
        "您在短时间内尝试的次数超过了我们允许的次数。请等待几分钟后再试。",
    ),
}

P = {
    (
        "This account is locked on this device after too many wrong passwords. Please try again in %(minutes)s minute.",
        "This account is locked on this device after too many wrong passwords. Please try again in %(minutes)s minutes.",
    ): (
        (
            "Dieses Konto ist auf diesem Gerät nach zu vielen falschen Passwörtern gesperrt. Bitte versuchen Sie es in %(minutes)s Minute erneut.",
            "Dieses Konto ist auf diesem Gerät nach zu vielen falschen Passwörtern gesperrt. Bitte versuchen Sie es in %(minutes)s Minuten erneut.",
        ),
        (
            "Ce compte est bloqué sur cet appareil après trop de mots de passe erronés. Veuillez réessayer dans %(minutes)s minute.",
            "Ce compte est bloqué sur cet appareil après trop de mots de passe erronés. Veuillez réessayer dans %(minutes)s minutes.",
        ),
        (
            "Esta cuenta está bloqueada en este dispositivo tras demasiadas contraseñas incorrectas. Vuelva a intentarlo en %(minutes)s minuto.",
            "Esta cuenta está bloqueada en este dispositivo tras demasiadas contraseñas incorrectas. Vuelva a intentarlo en %(minutes)s minutos.",
        ),
        "パスワードの誤りが多すぎたため、このデバイスではこのアカウントがロックされています。%(minutes)s 分後にもう一度お試しください。",
        "由于密码错误次数过多，此账户在此设备上已被锁定。请在 %(minutes)s 分钟后重试。",
    ),
}

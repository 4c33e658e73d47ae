import pytest

from newsdesk.index.config import Config, ConfigError, config_path, load_config


def test_defaults_when_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "none.toml"))
    assert config_path() == tmp_path / "none.toml"
    assert load_config() == Config()


def test_reads_settings(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text('model = " de_core_news_md "\ntheme = "light"\n[keys]\nsearch = "slash"\n', encoding="utf-8")
    c = load_config(p)
    assert (c.model, c.theme, c.keys, c.path) == ("de_core_news_md", "light", {"search": "slash"}, p)
    assert not c.accurate
    p.write_text("accurate = true\n", encoding="utf-8")
    assert load_config(p).accurate and load_config(p).to_dict()["accurate"] is True


@pytest.mark.parametrize("text, word", [
    ("theme = 5", "theme"),
    ('model = ""', "model"),
    ('colour = "red"', "unknown"),
    ("keys = 3", "keys"),
    ('accurate = "yes"', "accurate"),
    ('[keys]\nquit = ""', "keys.quit"),
    ("not toml [", "TOML"),
])
def test_bad_values_say_what_is_wrong(tmp_path, text, word):
    p = tmp_path / "c.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=word.replace(".", r"\.")):
        load_config(p)

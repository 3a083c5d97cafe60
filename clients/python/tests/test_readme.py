import os
import re
import subprocess
import sys
import unittest

from support import BASE_URL, Tenant

CLIENT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SNIPPET = re.compile(r"<!-- snippet: health[^>]*-->\s*```python\n(.*?)```", re.S)


def snippet():
    with open(os.path.join(CLIENT_DIR, "README.md"), encoding="utf-8") as readme:
        return SNIPPET.search(readme.read()).group(1)


class ReadmeTest(unittest.TestCase):

    def test_the_readme_snippet_prints_the_tenant_of_the_key(self):
        tenant = Tenant()
        environment = dict(os.environ, PORTCULLIS_API_KEY=tenant.admin_key, PORTCULLIS_BASE_URL=BASE_URL,
                           PYTHONPATH=CLIENT_DIR)
        run = subprocess.run([sys.executable, "-c", snippet()], env=environment, capture_output=True, text=True,
                             timeout=60)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(run.stdout, f"Authenticated as tenant: {tenant.id}\n")

    def test_the_repository_readme_shows_the_same_snippet(self):
        repository_readme = os.path.join(CLIENT_DIR, "..", "..", "README.md")
        if not os.path.exists(repository_readme):
            self.skipTest("not inside the Portcullis repository")
        with open(repository_readme, encoding="utf-8") as readme:
            self.assertTrue(snippet() in readme.read(), "README.md's Clients section lacks this client's snippet")


if __name__ == "__main__":
    unittest.main()

// VS Code (extension unifiedjs.vscode-remark) and remark-cli read this file: the front matter
// of acts, tools and campaign pages is checked against the JSON Schema files that
// `tarkeissa schema` generates from hooks/tarkeissa/content/schema.py. `tarkeissa check` stays the
// authority; this is the early warning while typing. Set up once with `make editor-setup`.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        // The plugin's Ajv knows draft-07 only by name; our schemas declare 2020-12 but use
        // no keyword whose meaning differs, so the meta-schema lookup is skipped.
        ajvOptions: {validateSchema: false},
        schemas: {
          './schemas/act.schema.json': ['./content/acts/*.md'],
          './schemas/tool.schema.json': ['./content/tools/*.md'],
          './schemas/campaign.schema.json': ['./docs/campaigns/*.md'],
        },
      },
    ],
  ],
};

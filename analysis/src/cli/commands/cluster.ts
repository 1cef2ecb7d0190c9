import { CLUSTER_DEFAULTS, clusterStories } from '../../cluster/clusterStories.ts';
import { loadCodebook } from '../codebook.ts';
import { type Command, FORMAT_HELP, INPUT_HELP, json, numberOption, readStories, stringOption } from '../command.ts';
import { progressBar } from '../progress.ts';
import { fixed, markdownTable } from '../markdown.ts';

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'groups of similar stories (emerging themes) with top terms, sizes and quotes',
  usage: `medskapa-analysis cluster [--codebook codebook.json] [--untagged] [FILE]

Groups stories by what they talk about, across languages (codebook themes and built-in concepts are shared by all
languages, words count within one): each cluster with its size, cohesion, top terms, up to three representative
quotes (masked text) and its members. Deterministic for the same input and seed.

Options:
  --codebook FILE         the codebook as JSON (GET /api/v1/themes); its keywords join stories across languages
  --untagged              only stories with no theme ("themes"/"tags" empty): candidates for new themes
  --min-size N            smallest cluster shown (default ${CLUSTER_DEFAULTS.minClusterSize})
  --max-clusters N        upper bound on the number of clusters (default ${CLUSTER_DEFAULTS.maxClusters})
  --seed N                seed of the clustering (default ${CLUSTER_DEFAULTS.seed})
${FORMAT_HELP}
${INPUT_HELP}`,
  options: { codebook: { type: 'string' }, untagged: { type: 'boolean' }, 'min-size': { type: 'string' }, 'max-clusters': { type: 'string' }, seed: { type: 'string' } },
  async run(values, input, format) {
    const minClusterSize = numberOption(values, 'min-size', CLUSTER_DEFAULTS.minClusterSize, { min: 2, max: 100_000, integer: true });
    const maxClusters = numberOption(values, 'max-clusters', CLUSTER_DEFAULTS.maxClusters, { min: 1, max: 1000, integer: true });
    const seed = numberOption(values, 'seed', CLUSTER_DEFAULTS.seed, { min: 0, max: 2 ** 31 - 1, integer: true });
    const codebookFile = stringOption(values, 'codebook');
    const codebook = codebookFile === undefined ? undefined : await loadCodebook(codebookFile);
    const all = await readStories(input);
    const stories = values.untagged === true ? all.filter((story) => story.themes.length === 0) : all;
    // One call does the work; the bar shows that it started and when it ended.
    const bar = progressBar('cluster', 1);
    const result = clusterStories(
      stories.map((story) => ({ id: story.id, fields: story.fields, locale: story.locale, ...(story.language === undefined ? {} : { language: story.language }) })),
      { codebook: codebook?.themes, minClusterSize, maxClusters, seed },
    );
    bar.tick();
    bar.done();
    if (format === 'json') return json(result);
    const sections = result.clusters.map((cluster, index) => {
      const terms = cluster.topTerms.map((term) => (term.kind === 'word' ? term.label.en : `${term.label.en} (${term.kind})`)).join(', ');
      const quotes = cluster.quotes.map((quote) => `> ${quote.text.replace(/\s+/g, ' ')} — ${quote.storyId} (${quote.lang})`).join('\n>\n');
      return `## Cluster ${index + 1}: ${cluster.size} stories\n\nCohesion ${fixed(cluster.cohesion)}. Top terms: ${terms}.\n\n${quotes}\n`;
    });
    const overview = markdownTable(
      ['cluster', 'stories', 'cohesion', 'top terms'],
      result.clusters.map((cluster, index) => [String(index + 1), String(cluster.size), fixed(cluster.cohesion), cluster.topTerms.slice(0, 5).map((term) => term.label.en).join(', ')]),
    );
    return [`# Emerging themes`, '', `${result.stories} stories, ${result.clustered} in ${result.clusters.length} clusters.`, '', overview, '', ...sections].join('\n');
  },
};

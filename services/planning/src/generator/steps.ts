import type { GeneratorSteps } from '@jixiao/generator';
import { buildLibrary, publishCityProfile } from './city';
import { Disclosures } from './disclosure';
import { Planner } from './planner';
import { walkProject, type YearContext } from './project';

/**
 * Planning's part of the city's year: the year's rule profile and the indicator library before any
 * project, then each project — proposal, pre-assessment if new and major, the goal's lifecycle to
 * the state the planner chose, admission and budget — published to the year for later contexts;
 * and the publications (公开) of two units' issued goals in three, at three quarters of the year and at its end.
 */
export function planningGenerator(): GeneratorSteps {
  let ctx: YearContext | null = null;
  let planner: Planner | null = null;
  return {
    setup(year) {
      const profile = publishCityProfile(year.scale, year.streams);
      const library = buildLibrary(year.rng, year.streams);
      ctx = {
        rng: year.rng,
        streams: year.streams,
        scale: year.scale,
        profile,
        goalRules: {
          ref: profile.ref,
          indicatorCatalogueVersion: profile.rules.indicatorCatalogueVersion,
          jointReviewRoles: profile.rules.jointReviewRoles,
        },
        library,
        documents: { budget: 0, adjustment: 0 },
        disclosures: new Disclosures(year.streams, year.scale.fiscalYear, year.units),
      };
      planner = new Planner(year.rng, year.scale, year.units);
    },
    project(year, n) {
      if (!ctx || !planner) throw new Error('planning generator: project before setup');
      year.projects.push(walkProject(ctx, planner.plan(n)));
      // most of the year's budget is out: the first publications (公开)
      if (n === Math.floor(year.scale.goals * 0.75)) ctx.disclosures.publish();
    },
    finish() {
      // the goals issued since: a second publication of the units that published, a first of the others
      ctx?.disclosures.publish();
    },
  };
}

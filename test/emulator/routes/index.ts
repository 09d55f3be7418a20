import { describeRoutes } from './describe';
import { leadActionRoutes } from './leadActions';
import { leadRoutes } from './leads';
import type { Route } from './route';
import { statsRoutes } from './stats';

/** Every endpoint the emulator serves. A new endpoint is a new entry here. */
export const ROUTES: readonly Route[] = [...leadRoutes, ...leadActionRoutes, ...describeRoutes, ...statsRoutes];

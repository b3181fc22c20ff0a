import {
  DynamicDrawUsage, Group, InstancedBufferAttribute, InstancedMesh, MeshStandardMaterial, Sprite, SpriteMaterial,
  type BufferGeometry, type Material,
} from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { RemotePlayersView } from '../net/remote-players-view.ts';
import { AVATAR_CAPACITY, createAvatarLayout, layoutAvatars, type AvatarLayout } from './avatar-layout.ts';
import { gloveGeometry, helmetGeometry, shipGeometry, walkerBodyGeometry } from './avatar-geometry.ts';
import { NameTagCache, type NameTagFactory } from './name-tag-cache.ts';

/** A name tag's height at the avatar, growing with distance so it stays readable up to the cut. */
const TAG_HEIGHT_M = 0.25;
const TAG_GROWTH_PER_M = 0.022;

export interface RemoteAvatarSystem extends System {
  /** Everything the avatars draw: four instanced meshes and a pool of name-tag sprites. */
  readonly root: Group;
  readonly layout: AvatarLayout;
  readonly tags: NameTagCache;
  dispose(): void;
}

export interface RemoteAvatarDeps {
  /** The relay client's remote players, or null while there is none (offline, not yet built). */
  view(): RemotePlayersView | null;
  /** Tests draw tags without a DOM canvas. */
  makeTag?: NameTagFactory;
}

/** An instanced mesh whose matrices (and colours) are the layout's own arrays: nothing is copied per frame. */
function instanced(name: string, geometry: BufferGeometry, material: Material, matrices: Float32Array, colors?: Float32Array): InstancedMesh {
  const mesh = new InstancedMesh(geometry, material, matrices.length / 16);
  mesh.name = name;
  mesh.instanceMatrix = new InstancedBufferAttribute(matrices, 16).setUsage(DynamicDrawUsage);
  if (colors) mesh.instanceColor = new InstancedBufferAttribute(colors, 3).setUsage(DynamicDrawUsage);
  mesh.count = 0;
  // Instances move every frame; three would cache a bounding sphere from the first frame's positions.
  mesh.frustumCulled = false;
  return mesh;
}

/**
 * Draws the remote players from the RemotePlayersView each frame: samples it (interpolated ~100 ms
 * back), lays out instance matrices into preallocated arrays and places the name tags. Five
 * instanced draw calls at most plus one per visible tag; no React state, no allocation per frame.
 */
export function createRemoteAvatarSystem(deps: RemoteAvatarDeps, capacity = AVATAR_CAPACITY): RemoteAvatarSystem {
  const layout = createAvatarLayout(capacity);
  const tinted = new MeshStandardMaterial({ vertexColors: true, roughness: 0.65, metalness: 0.05 });
  const helmetMat = new MeshStandardMaterial({ vertexColors: true, roughness: 0.25, metalness: 0.2 });
  const shipMat = new MeshStandardMaterial({ vertexColors: true, roughness: 0.4, metalness: 0.5 });
  const meshes = [
    instanced('AvatarBodies', walkerBodyGeometry(), tinted, layout.body, layout.bodyColor),
    instanced('AvatarHelmets', helmetGeometry(), helmetMat, layout.helmet),
    instanced('AvatarHands', gloveGeometry(), tinted, layout.hand, layout.handColor),
    instanced('AvatarShips', shipGeometry(), shipMat, layout.ship, layout.shipColor),
  ] as const;
  const [bodies, helmets, hands, ships] = meshes;
  const root = new Group();
  root.name = 'RemoteAvatars';
  root.add(...meshes);
  const blank = new SpriteMaterial({ visible: false });
  const sprites: Sprite[] = [];
  for (let i = 0; i < capacity; i++) {
    const s = new Sprite(blank);
    s.visible = false;
    s.renderOrder = 5;
    sprites.push(s);
    root.add(s);
  }
  const tags = new NameTagCache(deps.makeTag);
  const eye = { x: 0, y: 0, z: 0 };
  let shownTags = 0;

  const setCount = (mesh: InstancedMesh, n: number, colored: boolean) => {
    mesh.count = n;
    if (n === 0) return;
    mesh.instanceMatrix.needsUpdate = true;
    if (colored && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  };

  return {
    name: 'remote-avatars',
    root,
    layout,
    tags,
    dispose() {
      for (const mesh of meshes) mesh.geometry.dispose();
      tinted.dispose(); helmetMat.dispose(); shipMat.dispose(); blank.dispose();
      tags.dispose();
    },
    update(frame: FrameContext) {
      const view = deps.view();
      if (!view || !frame.playing) {
        layout.bodyCount = layout.helmetCount = layout.handCount = layout.shipCount = layout.tagCount = 0;
      } else {
        view.sample(frame.nowMs);
        const cam = frame.camera.matrixWorld.elements;
        eye.x = cam[12]; eye.y = cam[13]; eye.z = cam[14];
        layoutAvatars(view, layout, eye);
      }
      setCount(bodies, layout.bodyCount, true);
      setCount(helmets, layout.helmetCount, false);
      setCount(hands, layout.handCount, true);
      setCount(ships, layout.shipCount, true);
      for (let t = 0; t < layout.tagCount; t++) {
        const slot = layout.tagSlot[t];
        const tag = tags.get(view!.peerId[slot], view!.name(slot), frame.frame);
        const s = sprites[t];
        const x = layout.tag[3 * t], y = layout.tag[3 * t + 1], z = layout.tag[3 * t + 2];
        const h = TAG_HEIGHT_M + TAG_GROWTH_PER_M * Math.hypot(x - eye.x, y - eye.y, z - eye.z);
        s.material = tag.material;
        s.position.set(x, y, z);
        s.scale.set(h * tag.aspect, h, 1);
        s.visible = true;
      }
      for (let t = layout.tagCount; t < shownTags; t++) sprites[t].visible = false;
      shownTags = layout.tagCount;
    },
  };
}

package cn.officeflow.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads the BPMNDI of a model and lists what makes the drawing hard to read in Modeler, one sentence per
 * finding naming the model, the element ids (with their Chinese names) and the problem:
 *
 * <ul>
 *   <li>flows drawn on top of each other (collinear segments that overlap), including flows that run
 *       together into the same target;</li>
 *   <li>flows that cross each other (touching at an element both are connected to is not a crossing);</li>
 *   <li>a flow passing through a shape that is not its source or target, or through its own source or
 *       target, or across the border of a subprocess it neither leaves nor enters;</li>
 *   <li>diagonal flow segments (house style: orthogonal flows);</li>
 *   <li>a flow whose first/last waypoint is not on the border of its source/target (more than
 *       {@value #BORDER_TOLERANCE} px away). The border is the real outline: a diamond for gateways, a
 *       circle for events, the box for everything else — a waypoint at the corner of a gateway's box is
 *       reported, because Modeler draws it floating next to the diamond;</li>
 *   <li>labels (of flows, gateways, events) overlapping a shape, another label, a flow (its own
 *       included) or a subprocess border, and labels lying nearer to another element than to their
 *       own;</li>
 *   <li>shapes overlapping, shapes closer than {@value #MIN_GAP} px to each other (the house standard is
 *       50 px), shapes drawn outside their subprocess or closer than {@value #MIN_GAP} px to its border,
 *       boundary events not on their host's border.</li>
 * </ul>
 */
final class BpmnLayoutCheck {

  /** How far a flow's end may lie from its element's outline (px). */
  static final double BORDER_TOLERANCE = 5;

  /** Below this gap (px) between shapes, or between a shape and its subprocess's border, the drawing is cramped. */
  static final double MIN_GAP = 20;

  /** Two segments closer than this (px) to the same line count as collinear. */
  private static final double COLLINEAR = 2;

  /** Overlaps and crossings shorter than this (px) are rounding, not drawing. */
  private static final double EPS = 1;

  private BpmnLayoutCheck() {}

  enum Kind {
    BOX,
    GATEWAY,
    EVENT,
    CONTAINER
  }

  record Point(double x, double y) {
    @Override
    public String toString() {
      return "(" + fmt(x) + "," + fmt(y) + ")";
    }
  }

  record Box(double x, double y, double w, double h) {
    double right() {
      return x + w;
    }

    double bottom() {
      return y + h;
    }

    Box shrink(double d) {
      return new Box(x + d, y + d, Math.max(0, w - 2 * d), Math.max(0, h - 2 * d));
    }

    boolean overlaps(Box o, double by) {
      return Math.min(right(), o.right()) - Math.max(x, o.x) > by
          && Math.min(bottom(), o.bottom()) - Math.max(y, o.y) > by;
    }

    boolean contains(Box o) {
      return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }

    boolean contains(Point p) {
      return p.x >= x && p.x <= right() && p.y >= y && p.y <= bottom();
    }

    /** Euclidean distance between two boxes that do not overlap, 0 if they do. */
    double gap(Box o) {
      double dx = Math.max(0, Math.max(o.x - right(), x - o.right()));
      double dy = Math.max(0, Math.max(o.y - bottom(), y - o.bottom()));
      return Math.hypot(dx, dy);
    }

    Point center() {
      return new Point(x + w / 2, y + h / 2);
    }

    List<Seg> outline() {
      Point a = new Point(x, y);
      Point b = new Point(right(), y);
      Point c = new Point(right(), bottom());
      Point d = new Point(x, bottom());
      return List.of(new Seg(a, b), new Seg(b, c), new Seg(c, d), new Seg(d, a));
    }
  }

  record Seg(Point a, Point b) {
    double length() {
      return Math.hypot(b.x - a.x, b.y - a.y);
    }
  }

  /** A drawn element: its id, display name, outline kind, box, and (for boundary events / members) relations. */
  record Shape(String id, String name, Kind kind, Box box, String attachedTo, String container) {
    String label() {
      return name == null || name.isBlank() ? id : id + "「" + name + "」";
    }

    /** The real outline, as segments (a circle is approximated by 48 chords). */
    List<Seg> outline() {
      if (kind == Kind.GATEWAY) {
        Point c = box.center();
        Point top = new Point(c.x, box.y);
        Point right = new Point(box.right(), c.y);
        Point bottom = new Point(c.x, box.bottom());
        Point left = new Point(box.x, c.y);
        return List.of(
            new Seg(top, right), new Seg(right, bottom), new Seg(bottom, left), new Seg(left, top));
      }
      if (kind == Kind.EVENT) {
        Point c = box.center();
        double r = box.w / 2;
        List<Seg> segs = new ArrayList<>();
        int n = 48;
        for (int i = 0; i < n; i++) {
          double a1 = 2 * Math.PI * i / n;
          double a2 = 2 * Math.PI * (i + 1) / n;
          segs.add(
              new Seg(
                  new Point(c.x + r * Math.cos(a1), c.y + r * Math.sin(a1)),
                  new Point(c.x + r * Math.cos(a2), c.y + r * Math.sin(a2))));
        }
        return segs;
      }
      return box.outline();
    }

    /** Distance from a point to the real outline. */
    double distanceToBorder(Point p) {
      Point c = box.center();
      double dx = Math.abs(p.x - c.x);
      double dy = Math.abs(p.y - c.y);
      switch (kind) {
        case EVENT:
          return Math.abs(Math.hypot(dx, dy) - box.w / 2);
        case GATEWAY:
          {
            double a = box.w / 2;
            double b = box.h / 2;
            // nearest point on the diamond's edge in this quadrant (segment from (a,0) to (0,b))
            return distancePointSegment(
                new Point(dx, dy), new Seg(new Point(a, 0), new Point(0, b)));
          }
        default:
          {
            if (box.contains(p)) {
              return Math.min(
                  Math.min(p.x - box.x, box.right() - p.x),
                  Math.min(p.y - box.y, box.bottom() - p.y));
            }
            return box.gap(new Box(p.x, p.y, 0, 0));
          }
      }
    }

    /** Whether a point lies inside the real outline. */
    boolean encloses(Point p) {
      Point c = box.center();
      double dx = Math.abs(p.x - c.x);
      double dy = Math.abs(p.y - c.y);
      return switch (kind) {
        case EVENT -> Math.hypot(dx, dy) <= box.w / 2;
        case GATEWAY -> dx / (box.w / 2) + dy / (box.h / 2) <= 1;
        default -> box.contains(p);
      };
    }
  }

  record Flow(
      String id, String name, String kind, String source, String target, List<Point> points) {
    String label() {
      return name == null || name.isBlank() ? id : id + "「" + name + "」";
    }

    List<Seg> segments() {
      List<Seg> segs = new ArrayList<>();
      for (int i = 0; i + 1 < points.size(); i++) {
        segs.add(new Seg(points.get(i), points.get(i + 1)));
      }
      return segs;
    }
  }

  record Label(String owner, String ownerLabel, Box box, boolean ofFlow) {}

  /** The house standard (px) between elements; closer neighbours are noted, not failed. */
  static final double HOUSE_GAP = 50;

  /**
   * What the check found: {@code findings} make the drawing hard to read and fail the build; {@code notes}
   * are neighbours closer than the house standard of 50 px but not cramped enough to fail.
   */
  record Result(List<String> findings, List<String> notes) {}

  /** Runs every check on one model file; no findings means the drawing is clean. */
  static Result check(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    return new BpmnLayoutCheck.Run(file.getFileName().toString(), model).run();
  }

  private static final class Run {
    private final String model;
    private final BpmnModelInstance instance;
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Run(String model, BpmnModelInstance instance) {
      this.model = model;
      this.instance = instance;
    }

    Result run() {
      read();
      checkWaypoints();
      checkFlowPairs();
      checkFlowsThroughShapes();
      checkLabels();
      checkShapes();
      checkNames();
      return new Result(findings, notes);
    }

    private void report(String message) {
      findings.add(model + ": " + message);
    }

    private void note(String message) {
      notes.add(model + ": " + message);
    }

    /** Two steps with the same name read as one step (e.g. a merge gateway named like the task it leads to). */
    private void checkNames() {
      List<Shape> named =
          shapes.values().stream()
              .filter(s -> s.name() != null && !s.name().isBlank() && s.kind() != Kind.CONTAINER)
              .toList();
      for (int i = 0; i < named.size(); i++) {
        for (int j = i + 1; j < named.size(); j++) {
          if (named.get(i).name().strip().equals(named.get(j).name().strip())) {
            report(
                named.get(i).label()
                    + " and "
                    + named.get(j).id()
                    + " have the same name: on the diagram they read as one "
                    + "step; name each after what it does");
          }
        }
      }
    }

    private void read() {
      for (BpmnShape di : instance.getModelElementsByType(BpmnShape.class)) {
        BaseElement element = di.getBpmnElement();
        if (element == null || di.getBounds() == null) {
          continue;
        }
        Kind kind;
        if (element instanceof Gateway) {
          kind = Kind.GATEWAY;
        } else if (element instanceof Event) {
          kind = Kind.EVENT;
        } else if ((element instanceof SubProcess && Boolean.TRUE.equals(di.isExpanded()))
            || element instanceof Participant
            || element instanceof Lane) {
          kind = Kind.CONTAINER;
        } else {
          kind = Kind.BOX;
        }
        String attachedTo =
            element instanceof BoundaryEvent b && b.getAttachedTo() != null
                ? b.getAttachedTo().getId()
                : null;
        // the subprocess an element is drawn in (a boundary event belongs to its host's scope, not
        // to the host)
        ModelElementInstance parent = element.getParentElement();
        String container = parent instanceof SubProcess sub ? sub.getId() : null;
        String name =
            element instanceof TextAnnotation t && t.getText() != null
                ? t.getText().getTextContent()
                : element.getAttributeValue("name");
        Shape shape =
            new Shape(element.getId(), name, kind, box(di.getBounds()), attachedTo, container);
        shapes.put(shape.id(), shape);
        if (di.getBpmnLabel() != null
            && di.getBpmnLabel().getBounds() != null
            && name != null
            && !name.isBlank()
            && (kind == Kind.GATEWAY || kind == Kind.EVENT)) {
          labels.add(
              new Label(shape.id(), shape.label(), box(di.getBpmnLabel().getBounds()), false));
        }
      }
      for (BpmnEdge di : instance.getModelElementsByType(BpmnEdge.class)) {
        BaseElement element = di.getBpmnElement();
        if (element == null) {
          continue;
        }
        String source;
        String target;
        String kind;
        if (element instanceof SequenceFlow f) {
          source = f.getSource().getId();
          target = f.getTarget().getId();
          kind = "sequence flow";
        } else if (element instanceof MessageFlow f) {
          source = f.getSource().getId();
          target = f.getTarget().getId();
          kind = "message flow";
        } else if (element instanceof Association a) {
          source = a.getSource().getId();
          target = a.getTarget().getId();
          kind = "association";
        } else {
          continue;
        }
        List<Point> points = new ArrayList<>();
        Collection<Waypoint> waypoints = di.getWaypoints();
        for (Waypoint w : waypoints) {
          points.add(new Point(w.getX(), w.getY()));
        }
        Flow flow =
            new Flow(
                element.getId(), element.getAttributeValue("name"), kind, source, target, points);
        flows.put(flow.id(), flow);
        if (di.getBpmnLabel() != null
            && di.getBpmnLabel().getBounds() != null
            && flow.name() != null
            && !flow.name().isBlank()) {
          labels.add(new Label(flow.id(), flow.label(), box(di.getBpmnLabel().getBounds()), true));
        }
      }
    }

    private String shapeLabel(String id) {
      Shape s = shapes.get(id);
      return s == null ? id : s.label();
    }

    // ---- flows on their own -------------------------------------------------------------------

    private void checkWaypoints() {
      for (Flow flow : flows.values()) {
        if (flow.points().size() < 2) {
          report(flow.label() + " has fewer than two waypoints");
          continue;
        }
        for (Seg s : flow.segments()) {
          if (Math.abs(s.a().x - s.b().x) > EPS && Math.abs(s.a().y - s.b().y) > EPS) {
            report(
                flow.label()
                    + " has a diagonal segment "
                    + s.a()
                    + "→"
                    + s.b()
                    + "; draw flows orthogonally");
          }
        }
        Shape source = shapes.get(flow.source());
        Shape target = shapes.get(flow.target());
        Point first = flow.points().get(0);
        Point last = flow.points().get(flow.points().size() - 1);
        if (source != null) {
          double d = source.distanceToBorder(first);
          if (d > BORDER_TOLERANCE) {
            report(
                flow.label()
                    + " starts "
                    + fmt(d)
                    + " px away from the border of its source "
                    + source.label()
                    + " (first waypoint "
                    + first
                    + "); reconnect it in Modeler");
          }
        }
        if (target != null) {
          double d = target.distanceToBorder(last);
          if (d > BORDER_TOLERANCE) {
            report(
                flow.label()
                    + " ends "
                    + fmt(d)
                    + " px away from the border of its target "
                    + target.label()
                    + " (last waypoint "
                    + last
                    + "); reconnect it in Modeler");
          }
        }
      }
    }

    // ---- pairs of flows: shared segments and crossings ----------------------------------------

    private void checkFlowPairs() {
      List<Flow> all = new ArrayList<>(flows.values());
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          Flow f = all.get(i);
          Flow g = all.get(j);
          double shared = 0;
          Seg sharedExample = null;
          List<Point> crossings = new ArrayList<>();
          for (Seg s : f.segments()) {
            for (Seg t : g.segments()) {
              Seg overlap = collinearOverlap(s, t);
              if (overlap != null) {
                if (overlap.length() > EPS) {
                  shared += overlap.length();
                  if (sharedExample == null) {
                    sharedExample = overlap;
                  }
                }
                continue;
              }
              Point p = intersection(s, t);
              if (p != null
                  && !touchAtCommonElement(f, g, p)
                  && crossings.stream().noneMatch(q -> near(q, p, EPS))) {
                crossings.add(p);
              }
            }
          }
          List<Seg> sharedParts = new ArrayList<>();
          for (Seg s : f.segments()) {
            for (Seg t : g.segments()) {
              Seg overlap = collinearOverlap(s, t);
              if (overlap != null && overlap.length() > EPS) {
                sharedParts.add(overlap);
              }
            }
          }
          // where one flow joins the other's line, the junction is part of the shared line, not a
          // crossing
          crossings.removeIf(
              p -> sharedParts.stream().anyMatch(o -> distancePointSegment(p, o) <= EPS));
          if (sharedExample != null) {
            report(
                f.label()
                    + " and "
                    + g.label()
                    + " share "
                    + fmt(shared)
                    + " px of line (from "
                    + sharedExample.a()
                    + " to "
                    + sharedExample.b()
                    + "): they are drawn on top of each other and read as one "
                    + "flow; give each its own route");
          }
          for (Point p : crossings) {
            report(f.label() + " and " + g.label() + " cross at " + p);
          }
        }
      }
    }

    /** Touching at an element both flows are connected to (at a shared source/target endpoint) is not a crossing. */
    private boolean touchAtCommonElement(Flow f, Flow g, Point p) {
      String fEnd = endElementAt(f, p);
      String gEnd = endElementAt(g, p);
      return fEnd != null && fEnd.equals(gEnd);
    }

    private String endElementAt(Flow f, Point p) {
      Point first = f.points().get(0);
      Point last = f.points().get(f.points().size() - 1);
      if (near(first, p, BORDER_TOLERANCE)) {
        return f.source();
      }
      if (near(last, p, BORDER_TOLERANCE)) {
        return f.target();
      }
      return null;
    }

    // ---- flows through shapes -----------------------------------------------------------------

    private void checkFlowsThroughShapes() {
      for (Flow flow : flows.values()) {
        for (Shape shape : shapes.values()) {
          boolean own = shape.id().equals(flow.source()) || shape.id().equals(flow.target());
          if (shape.kind() == Kind.CONTAINER) {
            if (!own && crossesBorder(flow, shape.box())) {
              report(
                  flow.label()
                      + " crosses the border of "
                      + shape.label()
                      + " without entering or leaving it");
            }
            continue;
          }
          List<Seg> segs = flow.segments();
          for (int k = 0; k < segs.size(); k++) {
            Seg s = segs.get(k);
            if (!own) {
              if (clippedLength(s, shape.box().shrink(EPS)) > EPS) {
                report(
                    flow.label()
                        + " passes through "
                        + shape.label()
                        + ", which is neither its source nor its target");
                break;
              }
            } else {
              // a flow may touch its own source/target at its ends, but not run through it
              if (clippedLength(s, shape.box().shrink(BORDER_TOLERANCE + 1)) > EPS) {
                report(
                    flow.label()
                        + " runs through its own "
                        + (shape.id().equals(flow.source()) ? "source " : "target ")
                        + shape.label()
                        + "; let it leave/enter at the border facing its route");
                break;
              }
            }
          }
        }
      }
    }

    private boolean crossesBorder(Flow flow, Box box) {
      for (Seg s : flow.segments()) {
        for (Seg edge : box.outline()) {
          if (collinearOverlap(s, edge) != null) {
            continue;
          }
          Point p = intersection(s, edge);
          if (p != null && !near(p, s.a(), EPS) && !near(p, s.b(), EPS)) {
            return true;
          }
        }
      }
      return false;
    }

    // ---- labels -------------------------------------------------------------------------------

    private void checkLabels() {
      for (int i = 0; i < labels.size(); i++) {
        Label label = labels.get(i);
        String who = "the label of " + label.ownerLabel();
        for (Shape shape : shapes.values()) {
          if (shape.kind() == Kind.CONTAINER) {
            if (!shape.box().contains(label.box()) && label.box().overlaps(shape.box(), EPS)) {
              report(who + " lies across the border of " + shape.label());
            }
          } else if (label.box().overlaps(shape.box(), EPS)
              && overlapsOutline(label.box(), shape)) {
            report(
                who
                    + (shape.id().equals(label.owner())
                        ? " overlaps its own shape"
                        : " overlaps " + shape.label()));
          }
        }
        for (Flow flow : flows.values()) {
          for (Seg s : flow.segments()) {
            if (clippedLength(s, label.box().shrink(EPS)) > 0) {
              report(
                  who
                      + " is crossed by "
                      + (flow.id().equals(label.owner()) ? "its own flow" : flow.label()));
              break;
            }
          }
        }
        for (int j = i + 1; j < labels.size(); j++) {
          Label other = labels.get(j);
          if (label.box().overlaps(other.box(), EPS)) {
            report(who + " overlaps the label of " + other.ownerLabel());
          }
        }
        checkLabelNearest(label, who);
      }
    }

    private boolean overlapsOutline(Box box, Shape shape) {
      if (shape.kind() == Kind.BOX) {
        return true;
      }
      for (Seg s : shape.outline()) {
        if (clippedLength(s, box) > 0) {
          return true;
        }
      }
      return shape.encloses(box.center()) || box.contains(shape.box().center());
    }

    private void checkLabelNearest(Label label, String who) {
      double own =
          label.ofFlow()
              ? distance(label.box(), flows.get(label.owner()).segments())
              : distance(label.box(), shapes.get(label.owner()));
      String nearest = null;
      double best = own;
      String nearestShape = null;
      double bestShape = own;
      for (Shape shape : shapes.values()) {
        if (shape.id().equals(label.owner())) {
          continue;
        }
        double d =
            shape.kind() == Kind.CONTAINER
                ? (shape.box().contains(label.box()) || !label.box().overlaps(shape.box(), 0)
                    ? distance(label.box(), shape.box().outline())
                    : 0)
                : distance(label.box(), shape);
        if (d < best - EPS) {
          best = d;
          nearest = shape.label();
        }
        if (d < bestShape - EPS) {
          bestShape = d;
          nearestShape = shape.label();
        }
      }
      for (Flow flow : flows.values()) {
        if (flow.id().equals(label.owner())) {
          continue;
        }
        double d = distance(label.box(), flow.segments());
        if (d < best - EPS) {
          best = d;
          nearest = flow.label();
        }
      }
      if (nearest != null) {
        String alsoShape =
            nearestShape != null && !nearestShape.equals(nearest)
                ? " and to " + nearestShape + " (" + fmt(bestShape) + " px)"
                : "";
        report(
            who
                + " lies nearer to "
                + nearest
                + " ("
                + fmt(best)
                + " px)"
                + alsoShape
                + " than to its own element ("
                + fmt(own)
                + " px), so it reads as theirs; move it beside its own element");
      }
    }

    private double distance(Box box, Shape shape) {
      if (shape.kind() == Kind.BOX) {
        return box.gap(shape.box());
      }
      if (shape.encloses(box.center()) || box.contains(shape.box().center())) {
        return 0;
      }
      return distance(box, shape.outline());
    }

    private static double distance(Box box, List<Seg> segs) {
      double best = Double.MAX_VALUE;
      for (Seg s : segs) {
        if (clippedLength(s, box) > 0 || box.contains(s.a())) {
          return 0;
        }
        for (Seg edge : box.outline()) {
          best = Math.min(best, distanceSegments(s, edge));
        }
      }
      return best;
    }

    // ---- shapes: overlap, spacing, containment -------------------------------------------------

    private void checkShapes() {
      List<Shape> all = new ArrayList<>(shapes.values());
      for (Shape shape : all) {
        if (shape.attachedTo() != null) {
          Shape host = shapes.get(shape.attachedTo());
          if (host != null && host.distanceToBorder(shape.box().center()) > BORDER_TOLERANCE) {
            report(
                shape.label()
                    + " is not drawn on the border of "
                    + host.label()
                    + ", to which it is attached");
          }
        }
        if (shape.container() != null) {
          Shape container = shapes.get(shape.container());
          if (container != null && container.kind() == Kind.CONTAINER) {
            if (!container.box().contains(shape.box())) {
              report(
                  shape.label() + " belongs to " + container.label() + " but is drawn outside it");
            } else {
              Box c = container.box();
              Box b = shape.box();
              double margin =
                  Math.min(
                      Math.min(b.x() - c.x(), c.right() - b.right()),
                      Math.min(b.y() - c.y(), c.bottom() - b.bottom()));
              if (margin < MIN_GAP) {
                report(
                    shape.label()
                        + " is only "
                        + fmt(margin)
                        + " px from the border of "
                        + container.label()
                        + " (house standard 50 px)");
              } else if (margin < HOUSE_GAP - EPS) {
                note(
                    shape.label()
                        + " is "
                        + fmt(margin)
                        + " px from the border of "
                        + container.label());
              }
            }
          }
        }
      }
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          Shape a = all.get(i);
          Shape b = all.get(j);
          if (a.id().equals(b.attachedTo()) || b.id().equals(a.attachedTo())) {
            continue;
          }
          if (a.kind() == Kind.CONTAINER || b.kind() == Kind.CONTAINER) {
            Shape c = a.kind() == Kind.CONTAINER ? a : b;
            Shape o = c == a ? b : a;
            if (c.id().equals(o.container())
                || o.kind() == Kind.CONTAINER && c.box().contains(o.box())) {
              continue;
            }
            if (c.box().overlaps(o.box(), EPS)) {
              report(o.label() + " is drawn over " + c.label() + " but does not belong to it");
              continue;
            }
          }
          if (a.box().overlaps(b.box(), EPS)) {
            report(a.label() + " and " + b.label() + " overlap");
          } else {
            double gap = a.box().gap(b.box());
            boolean facing =
                Math.min(a.box().right(), b.box().right()) > Math.max(a.box().x(), b.box().x())
                    || Math.min(a.box().bottom(), b.box().bottom())
                        > Math.max(a.box().y(), b.box().y());
            if (gap < MIN_GAP) {
              report(
                  a.label()
                      + " and "
                      + b.label()
                      + " are only "
                      + fmt(gap)
                      + " px apart (house standard 50 px)");
            } else if (facing && gap < HOUSE_GAP - EPS) {
              note(a.label() + " and " + b.label() + " are " + fmt(gap) + " px apart");
            }
          }
        }
      }
    }
  }

  // ---- geometry ---------------------------------------------------------------------------------

  /** The overlapping part of two segments on (nearly) the same line, or null if they are not collinear. */
  static Seg collinearOverlap(Seg s, Seg t) {
    double len = s.length();
    if (len < EPS || t.length() < EPS) {
      return null;
    }
    if (distancePointLine(t.a(), s) > COLLINEAR || distancePointLine(t.b(), s) > COLLINEAR) {
      return null;
    }
    double ux = (s.b().x - s.a().x) / len;
    double uy = (s.b().y - s.a().y) / len;
    double t1 = (t.a().x - s.a().x) * ux + (t.a().y - s.a().y) * uy;
    double t2 = (t.b().x - s.a().x) * ux + (t.b().y - s.a().y) * uy;
    double lo = Math.max(0, Math.min(t1, t2));
    double hi = Math.min(len, Math.max(t1, t2));
    if (hi - lo <= 0) {
      return new Seg(s.a(), s.a()); // collinear, not overlapping
    }
    return new Seg(
        new Point(s.a().x + ux * lo, s.a().y + uy * lo),
        new Point(s.a().x + ux * hi, s.a().y + uy * hi));
  }

  /** The point where two non-parallel segments meet (ends included, within half a pixel), or null. */
  static Point intersection(Seg s, Seg t) {
    double rx = s.b().x - s.a().x;
    double ry = s.b().y - s.a().y;
    double qx = t.b().x - t.a().x;
    double qy = t.b().y - t.a().y;
    double den = rx * qy - ry * qx;
    if (Math.abs(den) < 1e-9) {
      return null;
    }
    double wx = t.a().x - s.a().x;
    double wy = t.a().y - s.a().y;
    double u = (wx * qy - wy * qx) / den;
    double v = (wx * ry - wy * rx) / den;
    double es = 0.5 / Math.max(s.length(), 1e-9);
    double et = 0.5 / Math.max(t.length(), 1e-9);
    if (u < -es || u > 1 + es || v < -et || v > 1 + et) {
      return null;
    }
    return new Point(s.a().x + u * rx, s.a().y + u * ry);
  }

  /** Length of the part of a segment inside a box (Liang–Barsky); a degenerate segment inside counts as 0+. */
  static double clippedLength(Seg s, Box box) {
    if (box.w() <= 0 || box.h() <= 0) {
      return -1;
    }
    double x0 = s.a().x;
    double y0 = s.a().y;
    double dx = s.b().x - x0;
    double dy = s.b().y - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - box.x(), box.right() - x0, y0 - box.y(), box.bottom() - y0};
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return -1;
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          lo = Math.max(lo, r);
        } else {
          hi = Math.min(hi, r);
        }
      }
    }
    if (lo > hi) {
      return -1;
    }
    return (hi - lo) * s.length();
  }

  static double distancePointLine(Point p, Seg s) {
    double len = s.length();
    return Math.abs((s.b().x - s.a().x) * (s.a().y - p.y) - (s.a().x - p.x) * (s.b().y - s.a().y))
        / len;
  }

  static double distancePointSegment(Point p, Seg s) {
    double dx = s.b().x - s.a().x;
    double dy = s.b().y - s.a().y;
    double len2 = dx * dx + dy * dy;
    double t =
        len2 == 0
            ? 0
            : Math.max(0, Math.min(1, ((p.x - s.a().x) * dx + (p.y - s.a().y) * dy) / len2));
    return Math.hypot(p.x - (s.a().x + t * dx), p.y - (s.a().y + t * dy));
  }

  static double distanceSegments(Seg s, Seg t) {
    if (intersection(s, t) != null) {
      return 0;
    }
    return Math.min(
        Math.min(distancePointSegment(s.a(), t), distancePointSegment(s.b(), t)),
        Math.min(distancePointSegment(t.a(), s), distancePointSegment(t.b(), s)));
  }

  private static boolean near(Point p, Point q, double d) {
    return Math.hypot(p.x - q.x, p.y - q.y) <= d;
  }

  private static Box box(Bounds b) {
    return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
  }

  static String fmt(double v) {
    return Math.abs(v - Math.rint(v)) < 0.05
        ? String.valueOf((long) Math.rint(v))
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
